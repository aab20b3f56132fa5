package io.synthfhir.cli;

import io.synthfhir.eval.CohortSplit;
import io.synthfhir.fhir.extract.Extraction;
import io.synthfhir.fhir.extract.FhirFiles;
import io.synthfhir.gan.GanModel;
import io.synthfhir.gan.GanTrainer;
import io.synthfhir.gan.TrainingConfig;
import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.privacy.PrivacyGate;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code train}: reads FHIR records (ndjson of Bundles, a Bundle, or a Bulk Data folder), holds some out, trains a
 * model on the rest and writes it as one file; prints progress per epoch, the held-out figures and the privacy gate's
 * verdict at the end.
 */
final class TrainCommand {
    /** Synthetic patients the gate audits, as the server does by default. */
    private static final int GATE_PATIENTS = 500;

    private TrainCommand() {}

    static String usage() {
        return String.join(
                "\n",
                "  train    --in FILE|DIR --out model.zip [--held-out-lines N | --held-out-share 0.2 [--split-salt S]]",
                "           [--seed S] [--time-budget 8m] [--epochs E] [--k 5] [--hidden 128] [--mixtures 1] [--threads 1]",
                "           [--epsilon 3] [--noise-multiplier 1.1] [--delta 1e-5] [--clip 1.0] [--sampling-rate 0.05]",
                "           [--adversarial-weight 0.3] [--evaluation-patients 500]",
                "           trains the learned model on the records and writes it (nothing is written on failure)");
    }

    static int run(Map<String, String> o, PrintStream out) throws Exception {
        if (!o.containsKey("in") || !o.containsKey("out")) {
            throw new InvalidParameterException("in/out", String.valueOf(o.get("in")), "both --in and --out");
        }
        Path in = Path.of(o.get("in"));
        Path target = Path.of(o.get("out"));
        long seed = Long.parseLong(o.getOrDefault("seed", "7"));
        out.println("reading " + in);
        Extraction extraction = FhirFiles.read(in);
        out.println(extraction.report().describe());
        List<PatientRecord> all = extraction.records();
        Split split = split(o, all);
        out.printf(
                Locale.ROOT,
                "training on %d patients, %d held out (%s)%n",
                split.training().size(),
                split.heldOut().size(),
                split.config().method());
        TrainingConfig config = config(o, seed).withSplit(split.config());
        GanModel model = new GanTrainer(config)
                .train(split.training(), split.heldOut(), p -> out.println(p.message()), () -> false);
        model.write(target);
        var m = model.manifest();
        out.printf(
                Locale.ROOT,
                "wrote %s (%s) in %.1f s wall, %.1f s CPU: %s%n",
                target.toAbsolutePath(),
                m.modelId(),
                m.run().wallSeconds(),
                m.run().cpuSeconds(),
                m.run().stopReason());
        if (m.privacy() != null) {
            out.printf(
                    Locale.ROOT,
                    "privacy: epsilon %.3f at delta %.1e (sigma %.3f, C %.2f, q %.3f, %d steps)%n",
                    m.privacy().epsilon(),
                    m.privacy().delta(),
                    m.privacy().noiseMultiplier(),
                    m.privacy().clipNorm(),
                    m.privacy().samplingRate(),
                    m.privacy().steps());
        }
        m.metrics().forEach((k, v) -> out.printf(Locale.ROOT, "  %-40s %.4f%n", k, v));
        gate(model, split, config.k(), seed, out);
        return 0;
    }

    /**
     * The privacy gate the server runs before a model may serve (default limits, the run's k), on 500 patients drawn
     * from the model: printed, so a model trained here is known to pass or fail before it is installed.
     */
    private static void gate(GanModel model, Split split, int k, long seed, PrintStream out) {
        if (split.heldOut().size() < PrivacyGate.MIN_HELD_OUT) {
            out.println("privacy gate: not run (fewer than " + PrivacyGate.MIN_HELD_OUT + " held-out patients)");
            return;
        }
        PrivacyGate gate = new PrivacyGate(PrivacyGate.Limits.defaults().withK(k));
        PrivacyGate.Audit audit = gate.auditSample(
                model.generator(), GATE_PATIENTS, LocalDate.now(), split.training(), split.heldOut(), seed);
        out.println("privacy gate: " + (audit.passed() ? "passed" : "FAILED: " + String.join("; ", audit.reasons())));
        audit.figures().forEach((name, v) -> out.printf(Locale.ROOT, "  gate.%-35s %.4f%n", name, v));
    }

    record Split(List<PatientRecord> training, List<PatientRecord> heldOut, TrainingConfig.Split config) {}

    static Split split(Map<String, String> o, List<PatientRecord> all) {
        if (o.containsKey("held-out-lines") && o.containsKey("held-out-share")) {
            throw new InvalidParameterException(
                    "held-out-lines", o.get("held-out-lines"), "either --held-out-lines or --held-out-share, not both");
        }
        if (o.containsKey("held-out-lines")) {
            int n = Integer.parseInt(o.get("held-out-lines"));
            if (n < 0 || n >= all.size()) {
                throw new InvalidParameterException(
                        "held-out-lines",
                        String.valueOf(n),
                        "an integer from 0 to " + (all.size() - 1) + " (the input has " + all.size() + " patients)");
            }
            return new Split(
                    all.subList(0, all.size() - n),
                    all.subList(all.size() - n, all.size()),
                    new TrainingConfig.Split("last patients of the input held out", null, null, n));
        }
        double share = Double.parseDouble(o.getOrDefault("held-out-share", "0.2"));
        long salt = Long.parseLong(o.getOrDefault("split-salt", "0"));
        CohortSplit.Parts parts;
        try {
            parts = new CohortSplit(salt, share).apply(all);
        } catch (IllegalArgumentException e) {
            throw new InvalidParameterException("held-out-share", String.valueOf(share), "a number in [0, 1)");
        }
        return new Split(
                parts.training(),
                parts.heldOut(),
                new TrainingConfig.Split("salted hash of the patient id (CohortSplit)", salt, share, null));
    }

    static TrainingConfig config(Map<String, String> o, long seed) {
        TrainingConfig c = TrainingConfig.defaults(seed);
        if (o.containsKey("time-budget")) {
            c = c.withTimeBudget(duration(o.get("time-budget")));
        }
        if (o.containsKey("epochs")) {
            c = c.withEpochs(Integer.parseInt(o.get("epochs")));
        }
        if (o.containsKey("k")) {
            c = c.withK(Integer.parseInt(o.get("k")));
        }
        if (o.containsKey("hidden")) {
            int h = Integer.parseInt(o.get("hidden"));
            c = c.withShape(
                    new TrainingConfig.Shape(h, h, h, c.shape().l2(), c.shape().mixtures()));
        }
        if (o.containsKey("mixtures")) {
            c = c.withShape(c.shape().withMixtures(Integer.parseInt(o.get("mixtures"))));
        }
        if (o.containsKey("threads")) {
            c = c.withThreads(Integer.parseInt(o.get("threads")));
        }
        if (o.containsKey("evaluation-patients")) {
            c = c.withEvaluationPatients(Integer.parseInt(o.get("evaluation-patients")));
        }
        if (o.containsKey("adversarial-weight")) {
            c = c.withAdversarial(new TrainingConfig.Adversarial(
                    Double.parseDouble(o.get("adversarial-weight")),
                    c.adversarial().criticHidden(),
                    Integer.parseInt(o.getOrDefault("adversarial-warmup", "3"))));
        }
        if (o.containsKey("epsilon") || o.containsKey("noise-multiplier")) {
            c = c.withPrivacy(new TrainingConfig.Privacy(
                    o.containsKey("epsilon") ? Double.parseDouble(o.get("epsilon")) : null,
                    o.containsKey("noise-multiplier") ? Double.parseDouble(o.get("noise-multiplier")) : null,
                    Double.parseDouble(o.getOrDefault("delta", "1e-5")),
                    Double.parseDouble(o.getOrDefault("clip", "1.0")),
                    Double.parseDouble(o.getOrDefault("sampling-rate", "0.05"))));
        }
        return c;
    }

    /** {@code 8m}, {@code 90s}, {@code 1h}, or ISO-8601 ({@code PT8M}). */
    static Duration duration(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (t.startsWith("pt")) {
                return Duration.parse(text.trim());
            }
            long n = Long.parseLong(t.substring(0, t.length() - 1));
            return switch (t.charAt(t.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new NumberFormatException(t);
            };
        } catch (RuntimeException e) {
            throw new InvalidParameterException("time-budget", text, "a duration such as 90s, 8m, 1h or PT8M");
        }
    }
}
