package io.synthfhir.privacy;

import io.synthfhir.eval.Cohort;
import io.synthfhir.eval.MetricValue;
import io.synthfhir.eval.VisitCodeSet;
import io.synthfhir.eval.privacy.DistanceToClosestRecord;
import io.synthfhir.eval.privacy.ExactCopies;
import io.synthfhir.eval.privacy.MembershipInference;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.model.PatientRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.LongStream;

/**
 * The audit a newly trained model must pass before it may serve {@code $synthesize}: on real patients it was trained
 * on and real patients it never saw, the synthetic records it makes must copy no training record, must not let a
 * membership-inference attacker beat the configured accuracy, must not sit closer to the training set than to the
 * held-out one more often than allowed, and must not carry a code that fewer than k training patients have (such a
 * code could single a person out). A model that fails is kept on disk but not activated; the reasons say why.
 *
 * <p>The figures are the evaluation's own ({@link io.synthfhir.eval.privacy}), so the gate and {@code $evaluate}
 * can never disagree about what a number means.
 */
public final class PrivacyGate {

    /** The smallest held-out set the attacks are meaningful on; below it the gate refuses rather than guesses. */
    public static final int MIN_HELD_OUT = 10;

    /**
     * @param maxExactCopies synthetic records equal to a training record (sex, age, code set) allowed; 0 by default
     * @param maxMembershipAccuracy HALO's distance attack accuracy allowed (0.5 is a coin toss)
     * @param maxCloserToTraining share of synthetic records nearer to training than to held-out allowed (0.5 ideal)
     * @param minPatientsPerCode k: a code held by 1..k−1 training patients must never be emitted
     */
    public record Limits(
            int maxExactCopies, double maxMembershipAccuracy, double maxCloserToTraining, int minPatientsPerCode) {
        public static Limits defaults() {
            return new Limits(0, 0.55, 0.6, 5);
        }

        public Limits withK(int k) {
            return new Limits(maxExactCopies, maxMembershipAccuracy, maxCloserToTraining, k);
        }
    }

    /** The verdict with every figure behind it, for the model's manifest and the {@code $train} status. */
    public record Audit(boolean passed, List<String> reasons, Map<String, Double> figures) {
        public Audit {
            reasons = List.copyOf(reasons);
            figures = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        }
    }

    private final Limits limits;

    public PrivacyGate(Limits limits) {
        this.limits = limits;
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Draws {@code patients} synthetic patients from {@code generator} (every age, seed {@code seed}, histories up to
     * {@code today}) and audits them: what {@code $train} and the {@code train} command both run before a model may
     * serve.
     */
    public Audit auditSample(
            PatientGenerator generator,
            int patients,
            LocalDate today,
            List<PatientRecord> training,
            List<PatientRecord> heldOut,
            long seed) {
        CohortSpec spec = new CohortSpec(seed, List.of(), null, 0, CohortSpec.MAX_AGE, null, CohortSpec.MAX_AGE, today);
        List<PatientRecord> synthetic = LongStream.range(0, patients)
                .mapToObj(i -> generator.generate(spec, i))
                .toList();
        return audit(training, heldOut, synthetic, seed);
    }

    /**
     * Audits synthetic records drawn from a model against the real records it was (training) and was not (held-out)
     * trained on. Deterministic in (inputs, seed).
     */
    public Audit audit(
            List<PatientRecord> training, List<PatientRecord> heldOut, List<PatientRecord> synthetic, long seed) {
        List<String> reasons = new ArrayList<>();
        Map<String, Double> figures = new LinkedHashMap<>();
        if (training.isEmpty() || synthetic.isEmpty() || heldOut.size() < MIN_HELD_OUT) {
            reasons.add("cannot audit: needs training and synthetic records and at least " + MIN_HELD_OUT
                    + " held-out patients (there are " + training.size() + " training, " + heldOut.size()
                    + " held-out, " + synthetic.size() + " synthetic)");
            return new Audit(false, reasons, figures);
        }
        VisitCodeSet codes = VisitCodeSet.defaults();
        Cohort train = Cohort.of("training", training, codes);
        Cohort held = Cohort.of("held-out", heldOut, codes);
        Cohort synth = Cohort.of("synthetic", synthetic, codes);

        int copies = ExactCopies.count(train, synth);
        figures.put("privacy.exact-copies", (double) copies);
        if (copies > limits.maxExactCopies()) {
            reasons.add(
                    copies + " synthetic record(s) copy a training record (allowed: " + limits.maxExactCopies() + ")");
        }
        check(
                "privacy.mia.accuracy",
                "membership-inference accuracy",
                MembershipInference.accuracy(train, held, synth, seed),
                limits.maxMembershipAccuracy(),
                figures,
                reasons);
        check(
                "privacy.dcr.closer-to-training",
                "share of synthetic records closer to training than to held-out",
                DistanceToClosestRecord.of(train, held, synth, seed).closerToTraining(),
                limits.maxCloserToTraining(),
                figures,
                reasons);
        List<String> rare = rareTrainingCodes(train, synth);
        figures.put("privacy.rare-codes-emitted", (double) rare.size());
        if (!rare.isEmpty()) {
            reasons.add(rare.size() + " code(s) held by fewer than " + limits.minPatientsPerCode()
                    + " training patients appear in synthetic records, e.g. "
                    + String.join(", ", rare.subList(0, Math.min(5, rare.size()))));
        }
        return new Audit(reasons.isEmpty(), reasons, figures);
    }

    private static void check(
            String id, String label, MetricValue value, double max, Map<String, Double> figures, List<String> reasons) {
        if (!value.isComputed()) {
            reasons.add(label + " could not be computed: " + value.reason());
            return;
        }
        figures.put(id, value.value());
        if (value.value() > max) {
            reasons.add(
                    String.format(java.util.Locale.ROOT, "%s %.3f is above the limit %.3f", label, value.value(), max));
        }
    }

    /** Codes emitted by the synthetic cohort that 1..k−1 training patients hold (0 is not a leak: nobody has it). */
    private List<String> rareTrainingCodes(Cohort training, Cohort synthetic) {
        Map<String, Integer> holders = new HashMap<>();
        training.patients().forEach(p -> p.codes().forEach(c -> holders.merge(c, 1, Integer::sum)));
        Set<String> emitted = new HashSet<>();
        synthetic.patients().forEach(p -> emitted.addAll(p.codes()));
        return emitted.stream()
                .filter(c -> {
                    int n = holders.getOrDefault(c, 0);
                    return n > 0 && n < limits.minPatientsPerCode();
                })
                .sorted()
                .toList();
    }
}
