package io.synthfhir.gan;

import io.synthfhir.engine.LabCatalog;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.generate.PatientSeeds;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.ConditionCategory;
import io.synthfhir.model.Demographics;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * {@code mode=gan}: patients sampled from a trained {@link GanModel}. A patient is a pure function of (spec, index):
 * all randomness comes from {@link PatientSeeds#forPatient}, inference is plain Java on immutable weights, so the
 * same inputs give the same record on any thread, in any order or batch. Thread-safe.
 *
 * <p>Honours the cohort spec: sex; age at the reference date (drawn from the training ages in range, or from the ages
 * of the condition's holders); {@code condition} through the model's conditional input (every patient has it: the
 * model is asked for it, and when it does not draw it the condition is placed at the visit where the model found it
 * most likely); years of history; reference date. Rule modules do not apply.
 */
public final class GanGenerator implements PatientGenerator {
    /** Patients who died before the history window (or lost the cohort condition to it) live again, this often. */
    static final int MAX_ATTEMPTS = 8;

    static final String ID_SALT = "synthfhir";

    private final GanModel model;
    private final Encoding encoding;
    private final Layout layout;
    private final VisitSampler sampler;
    private final RecordDecoder decoder;
    private final SyntheticIdentity identity;

    GanGenerator(GanModel model) {
        this.model = model;
        this.encoding = model.encoding();
        this.layout = model.layout();
        this.sampler = new VisitSampler(encoding, layout, model.network());
        this.decoder = new RecordDecoder(encoding, layout, LabCatalog.load());
        this.identity = SyntheticIdentity.load();
    }

    @Override
    public GeneratorMode mode() {
        return GeneratorMode.GAN;
    }

    @Override
    public String version() {
        return model.manifest().modelId();
    }

    /** The (ε, δ) the model was trained under with DP-SGD, for the privacy tag; empty for non-private training. */
    @Override
    public java.util.Optional<String> privacyGuarantee() {
        ModelManifest.PrivacySpent p = model.manifest().privacy();
        return p == null
                ? java.util.Optional.empty()
                : java.util.Optional.of(
                        String.format(java.util.Locale.ROOT, "epsilon=%.3f;delta=%.1e", p.epsilon(), p.delta()));
    }

    @Override
    public void check(CohortSpec spec) {
        if (!spec.modules().isEmpty()) {
            throw new InvalidParameterException(
                    "module", String.join(",", spec.modules()), "no module: mode gan learns from data, not rules");
        }
        if (spec.condition() != null) {
            conditionToken(spec.condition());
        }
    }

    /** The conditions this model can build a cohort around (learned from at least k patients), most common first. */
    public List<Code> learnedConditions() {
        List<Code> out = new ArrayList<>();
        encoding.demographics().conditions().stream()
                .sorted(java.util.Comparator.comparingInt(
                        (DemographicPrior.ConditionHolders h) -> -java.util.Arrays.stream(h.bySexBand())
                                .flatMapToInt(java.util.Arrays::stream)
                                .sum()))
                .forEach(h -> out.add(encoding.vocabulary().token(h.token()).code()));
        return out;
    }

    private int conditionToken(Code condition) {
        int token = encoding.vocabulary().indexOf(Token.key(TokenKind.CONDITION, condition, null));
        if (token < 0) {
            List<String> examples = learnedConditions().stream()
                    .limit(12)
                    .map(c -> c.code() + " (" + c.display() + ")")
                    .toList();
            throw new InvalidParameterException(
                    "condition",
                    condition.code(),
                    "a condition this model learned (held by at least k=" + encoding.k() + " training patients), e.g. "
                            + String.join(", ", examples));
        }
        return token;
    }

    @Override
    public PatientRecord generate(CohortSpec spec, long index) {
        int conditionToken = spec.condition() == null ? -1 : conditionToken(spec.condition());
        int slot = layout.conditionSlot(conditionToken);
        Instant until = spec.referenceDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant windowStart = spec.referenceDate()
                .minusYears(spec.years())
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        String id = PatientSeeds.patientId(ID_SALT, spec.seed(), index);
        PatientRecord fallback = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            SplittableRandom random = PatientSeeds.forPatient(spec.seed() + attempt * 0x632BE59BD9B4E019L, index);
            DemographicPrior.Draw draw = encoding.demographics().draw(spec, conditionToken, random);
            LocalDate birthDate = spec.referenceDate().minusDays((long) Math.floor(draw.age() * 365.25));
            Instant birth = PatientEncoder.birthInstant(birthDate);
            boolean male = draw.sex() == AdministrativeSex.MALE;
            VisitSampler.Sampled sampled = sampler.sample(birth, male, slot, until, null, null, random);
            RecordDecoder.Decoded decoded = decoder.decode(sampled.visits(), sampled.died(), male, until, random);
            List<Encounter> kept = HistoryWindow.apply(decoded.encounters(), windowStart, until);
            PatientRecord record = record(id, draw.sex(), birthDate, decoded.death(), kept, random);
            boolean alive = decoded.death() == null || decoded.death().isAfter(windowStart);
            boolean steered = spec.condition() == null || record.hasCondition(spec.condition());
            if (alive && steered) {
                return record;
            }
            if (fallback == null && alive) {
                fallback = record;
            }
        }
        if (fallback == null) {
            throw new IllegalStateException("patient " + index + ": every attempt died before the history window");
        }
        return spec.condition() == null
                ? fallback
                : withCondition(
                        fallback, encoding.vocabulary().token(conditionToken).code());
    }

    /**
     * The conditional fill the hybrid generator builds on: keeps a (rule-generated) scaffold's demographics, death,
     * and each encounter's class, type, period and reason, and samples the learned codes and values for exactly those
     * visits — the model reads the scaffold's timeline instead of drawing its own. With {@code keepScaffoldConditions}
     * the scaffold's conditions stay in their encounters and the model reads them as part of each visit, so what it
     * adds (medications with their indications, labs, procedures) follows them. Encounter types the model never
     * learned are read as the most common learned type of their class.
     *
     * <p>Deterministic in (scaffold, arguments, the random stream), like {@link #generate}; thread-safe.
     *
     * @param cohortCondition the condition the cohort is built around (the conditional input), or null
     * @param referenceDate nothing the fill adds ends after this day
     * @param random the patient's stream, e.g. {@code PatientSeeds.forPatient(seed, index)}
     */
    public PatientRecord fill(
            PatientRecord scaffold,
            boolean keepScaffoldConditions,
            Code cohortCondition,
            LocalDate referenceDate,
            SplittableRandom random) {
        int slot = cohortCondition == null ? -1 : layout.conditionSlot(conditionToken(cohortCondition));
        Instant until = referenceDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant birth = PatientEncoder.birthInstant(scaffold.demographics().birthDate());
        boolean male = scaffold.demographics().sex() == AdministrativeSex.MALE;
        List<VisitSampler.FixedVisit> fixed = new ArrayList<>();
        List<int[]> forced = new ArrayList<>();
        for (Encounter e : scaffold.encounters()) {
            fixed.add(new VisitSampler.FixedVisit(encoding.visitTypes().indexOf(e), e.start()));
            forced.add(keepScaffoldConditions ? conditionTokens(e) : new int[0]);
        }
        VisitSampler.Sampled sampled = sampler.sample(birth, male, slot, until, fixed, forced, random);
        List<Encounter> filled =
                decoder.fill(sampled.visits(), scaffold.encounters(), keepScaffoldConditions, male, until, random);
        return scaffold.withEncounters(filled);
    }

    private int[] conditionTokens(Encounter e) {
        return e.conditions().stream()
                .mapToInt(c -> encoding.vocabulary().indexOf(Token.key(TokenKind.CONDITION, c.code(), null)))
                .filter(i -> i >= 0)
                .distinct()
                .sorted()
                .toArray();
    }

    private PatientRecord record(
            String id,
            AdministrativeSex sex,
            LocalDate birth,
            Instant death,
            List<Encounter> encounters,
            SplittableRandom random) {
        SyntheticIdentity.Person person = identity.draw(sex == AdministrativeSex.MALE, random);
        Demographics demographics = new Demographics(
                person.given(),
                person.family(),
                sex,
                birth,
                encoding.demographics().race(random),
                encoding.demographics().ethnicity(random),
                person.address());
        return new PatientRecord(id, demographics, person.provider(), death, encounters);
    }

    /** The promised condition, recorded on the first kept encounter when the window lost it. */
    private static PatientRecord withCondition(PatientRecord r, Code condition) {
        if (r.encounters().isEmpty()) {
            return r;
        }
        List<Encounter> encounters = new ArrayList<>(r.encounters());
        Encounter.Builder first = encounters.get(0).toBuilder();
        first.conditions.add(new Condition(condition, first.start(), null, ConditionCategory.PROBLEM_LIST_ITEM));
        encounters.set(0, first.build());
        return r.withEncounters(encounters);
    }
}
