package io.synthfhir.validity;

import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The two clinical quality measures Chen et al. (BMC Med Inform Decis Mak 2019;19:44) computed for Synthea, as the
 * eCQMs define them: controlling high blood pressure (NQF 0018 / CMS165) and colorectal cancer screening (CMS130v9).
 * Codes are those of the measures' value sets that this library and Synthea record.
 */
final class QualityMeasures {
    private QualityMeasures() {}

    static final Code HYPERTENSION = ClinicalMeasures.HYPERTENSION;
    /** CMS165 exclusions: pregnancy and end-stage renal disease. */
    static final Set<String> HYPERTENSION_EXCLUSIONS =
            ClinicalMeasures.keys(Code.SNOMED, "72892002", "77386006", "47200007", "46177005");
    /** CMS130 exclusions: colorectal cancer (Synthea's four stages' codes) and total colectomy. */
    static final Set<String> COLORECTAL_EXCLUSIONS =
            ClinicalMeasures.keys(Code.SNOMED, "363406005", "93761005", "109838007", "94260004", "26390003");

    static final Set<String> COLONOSCOPY = ClinicalMeasures.keys(Code.SNOMED, "73761001");
    /** Flexible sigmoidoscopy and CT colonography: 5 years. */
    static final Set<String> FIVE_YEAR_SCREENS =
            ClinicalMeasures.keys(Code.SNOMED, "44441009", "396226005", "418714002");
    /** CMS130's FOBT value set (VSAC 2.16.840.1.113883.3.464.1003.198.12.1011) and the screening procedure. */
    static final Set<String> FOBT = union(
            ClinicalMeasures.keys(
                    Code.LOINC,
                    "12503-9",
                    "12504-7",
                    "14563-1",
                    "14564-9",
                    "14565-6",
                    "2335-8",
                    "27396-1",
                    "27401-9",
                    "27925-7",
                    "27926-5",
                    "29771-3",
                    "56490-6",
                    "56491-4",
                    "57905-2",
                    "58453-2",
                    "80372-6"),
            ClinicalMeasures.keys(Code.SNOMED, "104435004"));
    /** CMS130's FIT-DNA value set (2.16.840.1.113883.3.464.1003.108.12.1039): 3 years. */
    static final Set<String> FIT_DNA = ClinicalMeasures.keys(Code.LOINC, "77353-1", "77354-9");

    /**
     * NQF 0018 / CMS165: alive, 18-85 at the end of the period, essential hypertension diagnosed before its last six
     * months, a visit in the period, not pregnant and without ESRD; controlled when the most recent reading in the
     * period is below 140/90 (no reading counts as not controlled). Null when not in the denominator.
     */
    static Boolean hypertensionControlled(PatientRecord r, boolean alive, double age, Instant ref, Instant yearAgo) {
        Instant sixMonths = ref.minusSeconds((long) (182.6 * 86400));
        boolean eligible = alive
                && age >= 18
                && age < 86
                && r.conditions()
                        .anyMatch(c ->
                                c.code().sameConcept(HYPERTENSION) && c.onset().isBefore(sixMonths))
                && r.conditions()
                        .noneMatch(
                                c -> HYPERTENSION_EXCLUSIONS.contains(c.code().key()))
                && r.encounters().stream().anyMatch(e -> inPeriod(e.start(), yearAgo, ref));
        if (!eligible) {
            return null;
        }
        double[] last = null;
        Instant lastAt = null;
        for (Observation o : observations(r).toList()) {
            Double s = component(o, Values.SYSTOLIC);
            Double d = component(o, Values.DIASTOLIC);
            if (s != null
                    && d != null
                    && inPeriod(o.effective(), yearAgo, ref)
                    && (lastAt == null || !o.effective().isBefore(lastAt))) {
                last = new double[] {s, d};
                lastAt = o.effective();
            }
        }
        return last != null && last[0] < 140 && last[1] < 90;
    }

    /**
     * CMS130v9 (HEDIS COL), the measure Chen et al. used: alive, 50-75 at the end of the period, a visit in it, no
     * colorectal cancer or total colectomy; up to date with a colonoscopy within 10 years, sigmoidoscopy or CT
     * colonography within 5, FIT-DNA within 3, or a fecal occult blood test within 1. Null when not in the denominator.
     */
    static Boolean colorectalScreened(PatientRecord r, boolean alive, double age, Instant ref, Instant yearAgo) {
        boolean eligible = alive
                && age >= 50
                && age < 76
                && r.encounters().stream().anyMatch(e -> inPeriod(e.start(), yearAgo, ref))
                && r.conditions()
                        .noneMatch(c -> COLORECTAL_EXCLUSIONS.contains(c.code().key()))
                && r.procedures()
                        .noneMatch(p -> COLORECTAL_EXCLUSIONS.contains(p.code().key()));
        if (!eligible) {
            return null;
        }
        return events(r)
                .anyMatch(ev -> within(ev, COLONOSCOPY, 10, ref)
                        || within(ev, FIVE_YEAR_SCREENS, 5, ref)
                        || within(ev, FIT_DNA, 3, ref)
                        || within(ev, FOBT, 1, ref));
    }

    private record Dated(Code code, Instant time) {}

    private static Stream<Dated> events(PatientRecord r) {
        return Stream.concat(
                r.procedures().map(p -> new Dated(p.code(), p.start())),
                observations(r).map(o -> new Dated(o.code(), o.effective())));
    }

    private static boolean within(Dated ev, Set<String> codes, int years, Instant ref) {
        Instant from = LocalDate.ofInstant(ref, ZoneOffset.UTC)
                .minusYears(years)
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
        return codes.contains(ev.code().key()) && inPeriod(ev.time(), from, ref);
    }

    private static boolean inPeriod(Instant t, Instant from, Instant to) {
        return t.isAfter(from) && !t.isAfter(to);
    }

    static Stream<Observation> observations(PatientRecord r) {
        return r.encounters().stream().map(Encounter::observations).flatMap(List::stream);
    }

    private static Double component(Observation o, Code code) {
        if (o.code().sameConcept(code) && o.quantity() != null) {
            return o.quantity().value();
        }
        for (ObservationComponent c : o.components()) {
            if (c.code().sameConcept(code) && c.value() != null) {
                return c.value().value();
            }
        }
        return null;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return Set.copyOf(Stream.concat(a.stream(), b.stream()).toList());
    }
}
