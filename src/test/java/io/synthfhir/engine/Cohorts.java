package io.synthfhir.engine;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.Code;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.stream.IntStream;

/** A cohort of the bundled library and the shares that docs/rules-library.md and docs/clinical-validity.md quote. */
final class Cohorts {
    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 22);
    static final long SEED = 20261122L;
    static final RulesGenerator GENERATOR = RulesGenerator.standard(null);

    /** Patients in the cohort the library tests share (generated once per test JVM). */
    static final int SHARED_SIZE = 6_000;

    private static List<PatientRecord> shared;

    private Cohorts() {}

    static synchronized List<PatientRecord> shared() {
        if (shared == null) {
            long start = System.nanoTime();
            shared = generate(SHARED_SIZE);
            System.out.printf(
                    "Cohorts: %d patients of the bundled library (seed %d, reference date %s) in %.1f s%n",
                    SHARED_SIZE, SEED, REFERENCE, (System.nanoTime() - start) / 1e9);
        }
        return shared;
    }

    /** {@code n} patients of the default spec (ages 0-90, 10 years of history), generated in parallel. */
    static List<PatientRecord> generate(int n) {
        CohortSpec spec = CohortSpec.defaults(SEED, REFERENCE);
        return IntStream.range(0, n)
                .parallel()
                .mapToObj(i -> GENERATOR.generate(spec, i))
                .toList();
    }

    static int age(PatientRecord r) {
        return Period.between(r.demographics().birthDate(), REFERENCE).getYears();
    }

    /** Alive at the reference date and aged {@code min} to {@code max}. */
    static List<PatientRecord> living(List<PatientRecord> cohort, int min, int max) {
        return cohort.stream()
                .filter(r -> r.deathTime() == null && age(r) >= min && age(r) <= max)
                .toList();
    }

    record Share(long numerator, long denominator) {
        double value() {
            return denominator == 0 ? Double.NaN : (double) numerator / denominator;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f %% (%,d / %,d)", 100 * value(), numerator, denominator);
        }
    }

    static Share share(List<PatientRecord> records, Predicate<PatientRecord> p) {
        return new Share(records.stream().filter(p).count(), records.size());
    }

    static Predicate<PatientRecord> has(Code code) {
        return r -> r.hasCondition(code);
    }

    static Share prevalence(List<PatientRecord> cohort, Code code, int min, int max) {
        return share(living(cohort, min, max), has(code));
    }

    /** Adults 18+ overall and in three age bands, as one line. */
    static String byAge(List<PatientRecord> cohort, Code code, int... bands) {
        StringBuilder s = new StringBuilder(String.valueOf(prevalence(cohort, code, 18, 200)));
        int lower = 18;
        for (int upper : bands) {
            s.append(String.format(
                    Locale.ROOT,
                    "; %d-%d %.1f %%",
                    lower,
                    upper - 1,
                    100 * prevalence(cohort, code, lower, upper - 1).value()));
            lower = upper;
        }
        s.append(String.format(
                Locale.ROOT,
                "; %d+ %.1f %%",
                lower,
                100 * prevalence(cohort, code, lower, 200).value()));
        return s.toString();
    }

    /** The year before the reference date, the measurement period of the yearly figures. */
    static boolean inLastYear(Instant t) {
        return t != null
                && !t.isBefore(
                        REFERENCE.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant())
                && t.isBefore(REFERENCE.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** Diagnosed with {@code code} in the last year (an episode of an acute condition). */
    static Predicate<PatientRecord> episodeInLastYear(Code code) {
        return r -> r.conditions().anyMatch(c -> c.code().sameConcept(code) && inLastYear(c.onset()));
    }

    static Code snomed(String code) {
        return Code.snomed(code, "");
    }

    static Code loinc(String code) {
        return Code.loinc(code, "");
    }

    static Code rxnorm(String code) {
        return Code.rxnorm(code, "");
    }
}
