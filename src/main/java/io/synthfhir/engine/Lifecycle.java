package io.synthfhir.engine;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.Quantity;
import io.synthfhir.model.ReferenceRange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The Java lifecycle core (what Synthea does in Java modules): growth, vital signs, blood pressure that follows the
 * {@code hypertension} / {@code hypertension_controlled} attributes, age- and sex-specific mortality, and the
 * wellness-visit schedule at which wellness Encounter states run and standard vitals are recorded.
 *
 * <p>Numbers: adult height means 175.4 cm (men) / 161.7 cm (women), SD ~7 cm (CDC NHANES 2015-2018 anthropometric
 * reference data); adult BMI mean ~29.5, SD ~6.5 (same source); mortality follows a Gompertz law fitted to US life
 * tables (annual death probability ~0.2 % at 40, ~5 % at 80; NCHS United States Life Tables 2019), men 1.4x women;
 * wellness visits follow the AAP Bright Futures schedule in childhood, then yearly (CMS annual wellness visit) from 50
 * and every two years between 18 and 50.
 */
final class Lifecycle {
    static final Code WELL_CHILD = Code.snomed("410620009", "Well child visit (procedure)");
    static final Code GENERAL_EXAM = Code.snomed("162673000", "General examination of patient (procedure)");
    private static final Code HEIGHT = Code.loinc("8302-2", "Body height");
    private static final Code WEIGHT = Code.loinc("29463-7", "Body weight");
    private static final Code BMI = Code.loinc("39156-5", "Body mass index (BMI) [Ratio]");
    private static final Code BP_PANEL = Code.loinc("85354-9", "Blood pressure panel with all children optional");
    private static final Code SYSTOLIC = Code.loinc("8480-6", "Systolic blood pressure");
    private static final Code DIASTOLIC = Code.loinc("8462-4", "Diastolic blood pressure");
    private static final Code HEART_RATE = Code.loinc("8867-4", "Heart rate");
    private static final Code RESPIRATORY_RATE = Code.loinc("9279-1", "Respiratory rate");
    /**
     * Rise of adult systolic pressure per year of age: with the per-person offset (SD 9) it puts ~5 % of adults under
     * 40, ~30 % of 40-59 and ~60 % of those over 60 at 140 mm[Hg] or more, near the NHANES 2015-2016 prevalence of
     * hypertension at 140/90 or treated (7.5 %, 33.2 %, 63.1 %; Fryar et al., NCHS Data Brief 289, 2017).
     */
    static final double SBP_PER_YEAR = 0.6;

    static final double DIABETES_MORTALITY_RATIO = 1.8;
    /** Months of age of the Bright Futures well-child visits in the first three years. */
    private static final int[] INFANT_VISIT_MONTHS = {1, 2, 4, 6, 9, 12, 15, 18, 24, 30, 36};

    /** Per-person constants of the body, drawn once at birth. */
    record Body(double heightZ, double adultBmi, double sbpOffset, double heartRate, double wellnessHour) {}

    static Body body(Person p) {
        double z = gaussian(p, 0, 1);
        double bmi = Math.max(17, gaussian(p, 28.5, 6.0));
        return new Body(z, bmi, gaussian(p, 0, 9), gaussian(p, 72, 8), 8 + p.random.nextDouble() * 8);
    }

    static double gaussian(Person p, double mean, double sd) {
        double u1 = 1.0 - p.random.nextDouble();
        double u2 = p.random.nextDouble();
        return mean + sd * Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /** One time step: update the body, maybe die, and open today's wellness visit if one is due. */
    void step(Person p, Instant t, Instant lastStep) {
        double age = p.ageInYears(t);
        updateBody(p, age);
        SyntheaAttributes.panel(p, p.synthea, age);
        if (Math.floor(age) != Math.floor(p.ageInYears(lastStep)) || t.equals(p.birth())) {
            SyntheaAttributes.yearly(p, age);
        }
        if (dies(p, age)) {
            p.deathTime = t.plus(Duration.ofHours(p.random.nextInt(24)));
            return;
        }
        if (wellnessDue(p, t, lastStep)) {
            Instant start = t.plus(Duration.ofMinutes((long) (p.body.wellnessHour() * 60)));
            Encounter.Builder visit =
                    Encounter.builder(EncounterClass.WELLNESS, age < 18 ? WELL_CHILD : GENERAL_EXAM, start);
            visit.end(start.plus(Duration.ofMinutes(30)));
            p.encounters.add(visit);
            p.wellness = visit;
            recordVitals(p, visit, age, start.plus(Duration.ofMinutes(5)));
        }
    }

    private void updateBody(Person p, double age) {
        boolean male = p.sex == AdministrativeSex.MALE;
        double adultHeight = (male ? 175.4 : 161.7) + 7 * p.body.heightZ();
        double height = age >= 18 ? adultHeight - Math.max(0, age - 60) * 0.1 : childHeight(age, adultHeight);
        double bmi = age < 2 ? 17 : age < 18 ? childBmi(p, age) : p.body.adultBmi() + Math.min(age - 18, 40) * 0.04;
        p.setVital(Vital.HEIGHT, height);
        p.setVital(Vital.BMI, bmi);
        p.setVital(Vital.WEIGHT, age < 2 ? infantWeight(p, age, adultHeight) : bmi * Math.pow(height / 100, 2));
        p.attributes.put("obesity", age >= 18 && bmi >= 30);
        double sbp = age < 18
                ? 95 + age * 1.2 + p.body.sbpOffset() * 0.5
                : 112 + SBP_PER_YEAR * (age - 18) + p.body.sbpOffset() + (bmi - 27) * 0.6;
        double dbp = 0.55 * sbp + 12 + p.body.sbpOffset() * 0.3;
        if (Boolean.TRUE.equals(p.attribute("hypertension"))) {
            sbp = Math.max(sbp, 146 + Math.abs(p.body.sbpOffset()));
            dbp = 0.55 * sbp + 12 + p.body.sbpOffset() * 0.3;
            if (Boolean.TRUE.equals(p.attribute("hypertension_controlled"))) {
                // Treatment lowers both pressures; the offset that made this person hypertensive must not keep the
                // diastolic at 90 once the systolic is controlled.
                sbp = 124 + p.body.sbpOffset() * 0.6;
                dbp = 0.55 * sbp + 8 + p.body.sbpOffset() * 0.1;
            }
        }
        p.setVital(Vital.SYSTOLIC_BLOOD_PRESSURE, sbp);
        p.setVital(Vital.DIASTOLIC_BLOOD_PRESSURE, dbp);
        p.setVital(Vital.HEART_RATE, age < 10 ? p.body.heartRate() + 30 - 3 * age : p.body.heartRate());
        p.setVital(Vital.RESPIRATION_RATE, age < 10 ? 30 - age : 15);
        p.setVital(Vital.BODY_TEMPERATURE, 36.8);
        p.setVital(Vital.OXYGEN_SATURATION, 98);
    }

    /**
     * Median length/stature by age as a fraction of adult height (CDC 2000 growth charts, boys and girls averaged:
     * 49.5 cm at birth, 75 at 1, 86.5 at 2, 109 at 5, 138.5 at 10, 150 at 12, 162 at 14, of an adult 169 cm), so a
     * child follows the centile of the adult height they will reach.
     */
    private static final double[][] HEIGHT_FRACTION = {
        {0, 0.293},
        {1, 0.444},
        {2, 0.512},
        {3, 0.565},
        {4, 0.607},
        {5, 0.645},
        {6, 0.683},
        {8, 0.754},
        {10, 0.820},
        {12, 0.888},
        {14, 0.959},
        {16, 0.994},
        {18, 1.0}
    };
    /** Median weight (kg) in the first two years (CDC 2000 growth charts, boys and girls averaged). */
    private static final double[][] INFANT_WEIGHT = {{0, 3.4}, {0.25, 6.0}, {0.5, 7.8}, {1, 9.8}, {1.5, 11.0}, {2, 12.3}
    };

    private static double childBmi(Person p, double age) {
        return 15.5 + (p.body.adultBmi() - 21) * age / 36 + 0.2 * age;
    }

    private static double childHeight(double age, double adultHeight) {
        return adultHeight * interpolate(HEIGHT_FRACTION, age);
    }

    /** The median infant curve scaled to meet the person's BMI-based weight at 2, so weight does not jump at 2. */
    private static double infantWeight(Person p, double age, double adultHeight) {
        double heightAt2 = childHeight(2, adultHeight) / 100;
        double weightAt2 = childBmi(p, 2) * heightAt2 * heightAt2;
        return interpolate(INFANT_WEIGHT, age) * weightAt2 / interpolate(INFANT_WEIGHT, 2);
    }

    private static double interpolate(double[][] table, double x) {
        if (x <= table[0][0]) {
            return table[0][1];
        }
        for (int k = 1; k < table.length; k++) {
            if (x <= table[k][0]) {
                double f = (x - table[k - 1][0]) / (table[k][0] - table[k - 1][0]);
                return table[k - 1][1] + f * (table[k][1] - table[k - 1][1]);
            }
        }
        return table[table.length - 1][1];
    }

    private static boolean dies(Person p, double age) {
        double annual = 5.6e-5 * Math.exp(0.085 * age) * (p.sex == AdministrativeSex.MALE ? 1.2 : 0.85);
        if (age < 1) {
            annual = 0.0055; // infant mortality, NCHS 2019
        }
        if (p.attribute("diabetes") != null) {
            // Diabetes raises all-cause mortality 1.8-fold (Emerging Risk Factors Collaboration, NEJM 2011;364:829);
            // without it diabetic patients accumulate into old age far beyond the CDC's prevalence at 65+.
            annual *= DIABETES_MORTALITY_RATIO;
        }
        double weekly = 1 - Math.pow(1 - Math.min(annual, 0.9), 7 / 365.25);
        return p.random.nextDouble() < weekly;
    }

    private static boolean wellnessDue(Person p, Instant t, Instant lastStep) {
        double age = p.ageInYears(t);
        double previous = p.ageInYears(lastStep);
        if (age < 3.1) {
            for (int m : INFANT_VISIT_MONTHS) {
                if (previous < m / 12.0 && age >= m / 12.0) {
                    return true;
                }
            }
            return false;
        }
        double every = age < 18 ? 1 : age < 50 ? 2 : 1;
        return Math.floor(age / every) > Math.floor(previous / every);
    }

    private static void recordVitals(Person p, Encounter.Builder visit, double age, Instant at) {
        visit.observations.add(vital(HEIGHT, at, p.vital(Vital.HEIGHT), "cm"));
        visit.observations.add(vital(WEIGHT, at, p.vital(Vital.WEIGHT), "kg"));
        if (age >= 2) {
            visit.observations.add(vital(BMI, at, p.vital(Vital.BMI), "kg/m2"));
        }
        if (age >= 3) {
            double sbp = Math.round(p.vital(Vital.SYSTOLIC_BLOOD_PRESSURE) + gaussian(p, 0, 4));
            double dbp = Math.round(p.vital(Vital.DIASTOLIC_BLOOD_PRESSURE) + gaussian(p, 0, 3));
            visit.observations.add(Observation.panel(
                    BP_PANEL,
                    ObservationCategory.VITAL_SIGNS,
                    at,
                    List.of(
                            new ObservationComponent(SYSTOLIC, new Quantity(sbp, "mm[Hg]"), null, null),
                            new ObservationComponent(DIASTOLIC, new Quantity(dbp, "mm[Hg]"), null, null))));
            p.lastObservation.put(SYSTOLIC.key(), sbp);
            p.lastObservation.put(DIASTOLIC.key(), dbp);
        }
        visit.observations.add(vital(HEART_RATE, at, p.vital(Vital.HEART_RATE) + gaussian(p, 0, 5), "/min"));
        visit.observations.add(
                vital(RESPIRATORY_RATE, at, p.vital(Vital.RESPIRATION_RATE) + gaussian(p, 0, 1.5), "/min"));
    }

    private static Observation vital(Code code, Instant at, double value, String unit) {
        double rounded = Math.round(value * 10) / 10.0;
        return Observation.quantity(
                code, ObservationCategory.VITAL_SIGNS, at, new Quantity(rounded, unit), (ReferenceRange) null);
    }
}
