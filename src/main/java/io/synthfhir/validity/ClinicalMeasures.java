package io.synthfhir.validity;

import io.synthfhir.model.Code;
import io.synthfhir.model.Interpretation;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Clinical realism measures of a cohort, each defined as the public figure it is compared with (docs/clinical-validity.md):
 * HbA1c under diabetes treatment (Synthea #1693), labs with range and interpretation (#731), complications without
 * cause (#1343), controlled hypertension (NQF 0018 / CMS165, as Chen et al. 2019 computed it for Synthea), colorectal
 * cancer screening (CMS130v9, idem) and the prevalence of the conditions behind them. The measurement period is the
 * year before {@code referenceDate}.
 */
public final class ClinicalMeasures {
    static final Code HYPERTENSION = Code.snomed("59621000", "Essential hypertension");
    static final Set<String> DIABETES = keys(Code.SNOMED, "44054006", "73211009", "46635009");
    /** The age bands of NCHS Data Brief 289 (hypertension) and the CDC National Diabetes Statistics Report. */
    static final List<String> HYPERTENSION_BANDS = List.of("18-39", "40-59", "60+");

    static final List<String> DIABETES_BANDS = List.of("18-44", "45-64", "65+");
    static final Code HBA1C = Code.loinc("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood");
    static final Code PREDIABETES = Code.snomed("714628002", "Prediabetes");
    static final Code HYPERLIPIDEMIA = Code.snomed("55822004", "Hyperlipidemia");
    /** Summary of a sample of values. */
    public record Spread(int n, double min, double p5, double median, double p95, double max) {
        static Spread of(List<Double> values) {
            double[] v =
                    values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            if (v.length == 0) {
                return new Spread(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
            }
            return new Spread(v.length, v[0], quantile(v, 0.05), quantile(v, 0.5), quantile(v, 0.95), v[v.length - 1]);
        }

        private static double quantile(double[] sorted, double q) {
            double pos = q * (sorted.length - 1);
            int lo = (int) Math.floor(pos);
            int hi = Math.min(sorted.length - 1, lo + 1);
            return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
        }
    }

    /** A share with its numerator and denominator. */
    public record Share(int numerator, int denominator) {
        public double value() {
            return denominator == 0 ? Double.NaN : numerator / (double) denominator;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f %% (%d / %d)", 100 * value(), numerator, denominator);
        }
    }

    private final int patients;
    private final Spread hba1cUnderTreatment;
    private final Share treatedLatestHba1cBelow7;
    private final Share labsWithRangeAndInterpretation;
    private final Share patientsWithUncausedComplication;
    private final Share hypertensionControlled;
    private final Share treatedHypertensionControlled;
    private final Share colorectalScreened;
    private final Share hypertensionPrevalence;
    private final Share diabetesPrevalence;
    private final Share prediabetesPrevalence;
    private final Share hyperlipidemiaPrevalence;
    private final Map<String, Share> hypertensionByAge;
    private final Map<String, Share> diabetesByAge;

    private ClinicalMeasures(List<PatientRecord> records, LocalDate referenceDate, ValidityChecker complicationsOnly) {
        Instant ref = referenceDate.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant yearAgo =
                referenceDate.minusYears(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        this.patients = records.size();
        List<Double> a1c = new ArrayList<>();
        int[] latestBelow7 = new int[2];
        int[] labs = new int[2];
        int[] uncaused = new int[2];
        int[] htn = new int[2];
        int[] treatedHtn = new int[2];
        int[] crc = new int[2];
        int[][] prevalence = new int[4][2];
        Map<String, int[]> htnByAge = new LinkedHashMap<>();
        Map<String, int[]> dmByAge = new LinkedHashMap<>();
        for (String band : HYPERTENSION_BANDS) {
            htnByAge.put(band, new int[2]);
        }
        for (String band : DIABETES_BANDS) {
            dmByAge.put(band, new int[2]);
        }
        for (PatientRecord r : records) {
            boolean alive = r.deathTime() == null || r.deathTime().isAfter(ref);
            double age = Records.ageAt(r, ref);
            Double latest = null;
            for (Observation o : QualityMeasures.observations(r).toList()) {
                if (o.code().sameConcept(HBA1C) && o.quantity() != null && onDiabetesTreatment(r, o.effective())) {
                    a1c.add(o.quantity().value());
                    latest = o.quantity().value();
                }
                if (o.category() == ObservationCategory.LABORATORY && o.quantity() != null) {
                    labs[1]++;
                    boolean complete = LabResults.hasBounds(o.range())
                            && o.interpretation() != null
                            && LabResults.consistent(
                                    Interpretation.of(o.quantity().value(), o.range()), o.interpretation());
                    labs[0] += complete ? 1 : 0;
                }
            }
            if (latest != null) {
                latestBelow7[1]++;
                latestBelow7[0] += latest < 7.0 ? 1 : 0;
            }
            uncaused[1]++;
            uncaused[0] += complicationsOnly.check(r).isEmpty() ? 0 : 1;
            if (alive && age >= 18) {
                count(prevalence[0], r.hasCondition(HYPERTENSION));
                count(
                        prevalence[1],
                        r.conditions().anyMatch(c -> DIABETES.contains(c.code().key())));
                count(prevalence[2], r.hasCondition(PREDIABETES));
                count(prevalence[3], r.hasCondition(HYPERLIPIDEMIA));
                count(htnByAge.get(age < 40 ? "18-39" : age < 60 ? "40-59" : "60+"), r.hasCondition(HYPERTENSION));
                count(
                        dmByAge.get(age < 45 ? "18-44" : age < 65 ? "45-64" : "65+"),
                        r.conditions().anyMatch(c -> DIABETES.contains(c.code().key())));
            }
            Boolean controlled = QualityMeasures.hypertensionControlled(r, alive, age, ref, yearAgo);
            if (controlled != null) {
                count(htn, controlled);
                if (r.medications()
                        .anyMatch(m -> HYPERTENSION.sameConcept(m.reason())
                                && m.authoredOn().isBefore(ref))) {
                    count(treatedHtn, controlled);
                }
            }
            Boolean screened = QualityMeasures.colorectalScreened(r, alive, age, ref, yearAgo);
            if (screened != null) {
                count(crc, screened);
            }
        }
        this.hba1cUnderTreatment = Spread.of(a1c);
        this.treatedLatestHba1cBelow7 = share(latestBelow7);
        this.labsWithRangeAndInterpretation = share(labs);
        this.patientsWithUncausedComplication = share(uncaused);
        this.hypertensionControlled = share(htn);
        this.treatedHypertensionControlled = share(treatedHtn);
        this.colorectalScreened = share(crc);
        this.hypertensionPrevalence = share(prevalence[0]);
        this.diabetesPrevalence = share(prevalence[1]);
        this.prediabetesPrevalence = share(prevalence[2]);
        this.hyperlipidemiaPrevalence = share(prevalence[3]);
        this.hypertensionByAge = shares(htnByAge);
        this.diabetesByAge = shares(dmByAge);
    }

    public static ClinicalMeasures of(List<PatientRecord> records, LocalDate referenceDate) {
        return new ClinicalMeasures(
                records, referenceDate, ValidityChecker.standard().only(Set.of("complication-without-cause")));
    }

    private static boolean onDiabetesTreatment(PatientRecord r, Instant t) {
        // Strictly after the order: the diagnostic HbA1c drawn at the visit that starts treatment is not "under" it.
        return r.medications()
                .anyMatch(m -> m.reason() != null
                        && DIABETES.contains(m.reason().key())
                        && m.authoredOn().isBefore(t)
                        && m.activeAt(t));
    }

    private static void count(int[] c, boolean yes) {
        c[1]++;
        c[0] += yes ? 1 : 0;
    }

    private static Share share(int[] c) {
        return new Share(c[0], c[1]);
    }

    private static Map<String, Share> shares(Map<String, int[]> counts) {
        Map<String, Share> out = new LinkedHashMap<>();
        counts.forEach((band, c) -> out.put(band, share(c)));
        return Collections.unmodifiableMap(out);
    }

    static Set<String> keys(String system, String... codes) {
        return Set.copyOf(Arrays.stream(codes).map(c -> system + "|" + c).toList());
    }

    public int patients() {
        return patients;
    }

    /** HbA1c values (%) measured while a medication for diabetes was active. */
    public Spread hba1cUnderTreatment() {
        return hba1cUnderTreatment;
    }

    /** Treated diabetics whose latest HbA1c under treatment is below 7 % (Fang et al. 2021's glycemic control). */
    public Share treatedLatestHba1cBelow7() {
        return treatedLatestHba1cBelow7;
    }

    public Share labsWithRangeAndInterpretation() {
        return labsWithRangeAndInterpretation;
    }

    public Share patientsWithUncausedComplication() {
        return patientsWithUncausedComplication;
    }

    public Share hypertensionControlled() {
        return hypertensionControlled;
    }

    public Share treatedHypertensionControlled() {
        return treatedHypertensionControlled;
    }

    public Share colorectalScreened() {
        return colorectalScreened;
    }

    /** Living adults (18+) with the condition in their record. */
    public Share hypertensionPrevalence() {
        return hypertensionPrevalence;
    }

    public Share diabetesPrevalence() {
        return diabetesPrevalence;
    }

    public Share prediabetesPrevalence() {
        return prediabetesPrevalence;
    }

    public Share hyperlipidemiaPrevalence() {
        return hyperlipidemiaPrevalence;
    }

    /** Living adults with hypertension by NCHS Data Brief 289's age bands (18-39, 40-59, 60+). */
    public Map<String, Share> hypertensionByAge() {
        return hypertensionByAge;
    }

    /** Living adults with diabetes by the CDC National Diabetes Statistics Report's age bands (18-44, 45-64, 65+). */
    public Map<String, Share> diabetesByAge() {
        return diabetesByAge;
    }

    /** The measures as the rows of docs/clinical-validity.md's measured table. */
    public String table() {
        Spread h = hba1cUnderTreatment;
        return String.join(
                "\n",
                "patients: " + patients,
                String.format(
                        java.util.Locale.ROOT,
                        "HbA1c under treatment (%%): n=%d min %.1f p5 %.1f median %.1f p95 %.1f max %.1f",
                        h.n(),
                        h.min(),
                        h.p5(),
                        h.median(),
                        h.p95(),
                        h.max()),
                "treated diabetics, latest HbA1c < 7 %: " + treatedLatestHba1cBelow7,
                "numeric labs with range and consistent interpretation: " + labsWithRangeAndInterpretation,
                "patients with a complication without its cause: " + patientsWithUncausedComplication,
                "hypertension controlled (< 140/90 at the last reading, NQF 0018): " + hypertensionControlled,
                "treated hypertension controlled: " + treatedHypertensionControlled,
                "colorectal screening up to date, 50-75 (CMS130): " + colorectalScreened,
                "adults with hypertension: " + hypertensionPrevalence + " by age " + hypertensionByAge,
                "adults with diabetes: " + diabetesPrevalence + " by age " + diabetesByAge,
                "adults with prediabetes: " + prediabetesPrevalence,
                "adults with hyperlipidemia: " + hyperlipidemiaPrevalence);
    }
}
