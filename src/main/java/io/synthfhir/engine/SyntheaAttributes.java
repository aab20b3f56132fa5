package io.synthfhir.engine;

import io.synthfhir.model.AdministrativeSex;
import java.util.SplittableRandom;

/**
 * What Synthea's Java modules (lifecycle, cardiovascular disease, metabolic panel) give a person and its JSON modules
 * read: social attributes at birth, the monthly cardiovascular risks its modules draw against, and the metabolic panel
 * and lipids kept as vital signs. Drawn from the person's own second generator (seeded from the first draw of the
 * body), so adding them leaves every other draw of a life, and so our own modules' output, as it was.
 *
 * <p>Figures, all approximate and national (US): sexual orientation 3 % gay or lesbian, 4 % bisexual (Gallup 2023);
 * education of adults 9 % less than high school, 28 % high school, 25 % some college, 38 % bachelor's or more (US
 * Census CPS 2022); Rh-negative 15 % (American Red Cross); poverty ratio and household income by socioeconomic
 * category around the Census 2022 quintiles; 27 % uninsured or Medicaid in the low category, Medicare from 65. Annual
 * first-event incidence rising with age (AHA Heart Disease and Stroke Statistics 2023): myocardial infarction ~0.3 %
 * for men at 50 doubling every 12 years (women 0.45x), stroke ~0.15 % at 50 doubling every 10 years, atrial
 * fibrillation ~0.1 % at 50 doubling every 8 years (Framingham, ATRIA), stable ischemic heart disease ~0.5 % for men at
 * 50 doubling every 14 years. Panel values: the middle of the adult reference ranges in rules/reference/labs.json with
 * a per-person offset; glucose follows the {@code prediabetes} and {@code diabetes} attributes, eGFR age and the
 * {@code ckd} stage (KDIGO 2012 stage midpoints), creatinine the eGFR through the MDRD equation.
 */
final class SyntheaAttributes {
    private SyntheaAttributes() {}

    /** Per-person constants: the offsets of the panel values, drawn once. */
    record Baseline(double glucose, double kidney, double electrolytes, double lipids, double hdl, double heart) {}

    static Baseline atBirth(Person p) {
        SplittableRandom r = new SplittableRandom(Double.doubleToLongBits(p.body.heightZ()) ^ 0x5DEECE66DL);
        boolean male = p.sex == AdministrativeSex.MALE;
        String ses = String.valueOf(p.attribute("socioeconomic_category"));
        double orientation = r.nextDouble();
        p.attributes.put(
                "sexual_orientation",
                orientation < 0.03 ? "homosexual" : orientation < 0.07 ? "bisexual" : "heterosexual");
        double school = r.nextDouble() + (ses.equals("Low") ? -0.15 : ses.equals("High") ? 0.2 : 0);
        p.attributes.put(
                "education",
                school < 0.09
                        ? "less_than_hs"
                        : school < 0.37 ? "hs_degree" : school < 0.62 ? "some_college" : "bs_degree");
        double ratio =
                switch (ses) {
                    case "Low" -> 0.3 + r.nextDouble() * 1.7;
                    case "High" -> 4 + r.nextDouble() * 6;
                    default -> 2 + r.nextDouble() * 2;
                };
        p.attributes.put("poverty_ratio", ratio);
        p.attributes.put("income", Math.round(ratio * 30_000 / 1000) * 1000.0);
        p.attributes.put("insurance_status", ses.equals("Low") && r.nextDouble() < 0.27 ? "medicaid" : "private");
        p.attributes.put("RH_NEG", r.nextDouble() < 0.15);
        p.attributes.put("first_language", "english");
        p.attributes.put("birth_country", "US");
        p.attributes.put("marital_status", r.nextDouble() < 0.5 ? "M" : "S");
        p.attributes.put("unemployed", ses.equals("Low") && r.nextDouble() < 0.1);
        p.attributes.put("food_insecurity", ses.equals("Low") && r.nextDouble() < 0.3);
        p.attributes.put("severe_housing_cost_burden", ses.equals("Low") && r.nextDouble() < 0.25);
        p.attributes.put("no_vehicle_access", ses.equals("Low") && r.nextDouble() < 0.2);
        p.attributes.put("bmi_percentile", 100 * normalCdf((p.body.adultBmi() - 28.5) / 6 + 0.8));
        p.attributes.put("current_weight_length_percentile", 100 * normalCdf((p.body.adultBmi() - 28.5) / 6));
        return new Baseline(gauss(r), gauss(r), gauss(r), gauss(r), gauss(r) - (male ? 0.6 : 0), gauss(r));
    }

    /** Yearly: the monthly risks the cardiovascular modules draw against, and Medicare from 65. */
    static void yearly(Person p, double age) {
        double men = p.sex == AdministrativeSex.MALE ? 1 : 0.45;
        p.attributes.put("mi_risk", monthly(age < 30 ? 0 : 0.003 * men * Math.pow(2, (age - 50) / 12)));
        p.attributes.put("stroke_risk", monthly(age < 30 ? 0 : 0.0015 * Math.pow(2, (age - 50) / 10)));
        p.attributes.put("atrial_fibrillation_risk", monthly(age < 30 ? 0 : 0.001 * Math.pow(2, (age - 50) / 8)));
        p.attributes.put("ihd_risk", monthly(age < 30 ? 0 : 0.005 * men * Math.pow(2, (age - 50) / 14)));
        if (age >= 65) {
            p.attributes.put("insurance_status", "medicare");
        }
    }

    /** Every step: the metabolic panel, lipids and ejection fraction as the modules' vital signs. */
    static void panel(Person p, Baseline b, double age) {
        boolean diabetes = Boolean.TRUE.equals(p.attribute("diabetes"));
        boolean prediabetes = Boolean.TRUE.equals(p.attribute("prediabetes"));
        double glucose = diabetes ? 160 + 25 * b.glucose() : prediabetes ? 112 + 6 * b.glucose() : 88 + 7 * b.glucose();
        p.setVital(Vital.GLUCOSE, glucose);
        p.setVital(Vital.BLOOD_GLUCOSE, glucose);
        double egfr = p.attribute("ckd") instanceof Number stage
                ? new double[] {95, 95, 75, 45, 22, 10}[Math.max(0, Math.min(5, stage.intValue()))] + 4 * b.kidney()
                : 105 - 0.8 * Math.max(0, age - 30) + 10 * b.kidney();
        egfr = Math.max(5, Math.min(140, egfr));
        double female = p.sex == AdministrativeSex.FEMALE ? 0.742 : 1;
        double creatinine = Math.pow(egfr / (175 * Math.pow(Math.max(age, 18), -0.203) * female), -1 / 1.154);
        p.setVital(Vital.EGFR, egfr);
        p.setVital(Vital.CREATININE, creatinine);
        p.setVital(Vital.UREA_NITROGEN, 13 * Math.sqrt(90 / egfr) + 2 * b.kidney());
        p.setVital(Vital.MICROALBUMIN_CREATININE_RATIO, (diabetes ? 25 : 10) * Math.exp(0.5 * b.kidney()));
        p.setVital(Vital.SODIUM, 140 + 1.5 * b.electrolytes());
        p.setVital(Vital.POTASSIUM, 4.2 + 0.3 * b.electrolytes());
        p.setVital(Vital.CHLORIDE, 102 + 2 * b.electrolytes());
        p.setVital(Vital.CARBON_DIOXIDE, 26 - 1.5 * b.electrolytes());
        p.setVital(Vital.CALCIUM, 9.4 + 0.3 * b.electrolytes());
        double ageLipids = Math.min(Math.max(age - 20, 0), 40) * 0.6;
        p.setVital(Vital.TOTAL_CHOLESTEROL, 170 + ageLipids + 35 * b.lipids());
        p.setVital(Vital.LDL, 95 + ageLipids + 30 * b.lipids());
        p.setVital(Vital.HDL, 55 + 13 * b.hdl());
        p.setVital(Vital.TRIGLYCERIDES, Math.max(40, 120 + ageLipids + 45 * b.lipids()));
        p.setVital(Vital.LEFT_VENTRICULAR_EJECTION_FRACTION, 62 + 4 * b.heart());
        double head = 35 + 20 * (1 - Math.exp(-Math.min(age, 18) / 1.3)) * 0.98;
        p.setVital(Vital.HEAD_CIRCUMFERENCE, head + 1.5 * p.body.heightZ());
        p.setVital(Vital.HEAD_CIRCUMFERENCE_PERCENTILE, 100 * normalCdf(p.body.heightZ()));
        p.setVital(Vital.HEIGHT_PERCENTILE, 100 * normalCdf(p.body.heightZ()));
    }

    private static final java.util.Map<String, String> STATES = java.util.Map.of(
            "AZ", "Arizona",
            "GA", "Georgia",
            "IL", "Illinois",
            "MA", "Massachusetts",
            "NY", "New York",
            "OH", "Ohio",
            "PA", "Pennsylvania",
            "TX", "Texas",
            "WA", "Washington");

    /** The state's name, as Synthea's {@code state} attribute and lookup tables spell it. */
    static String stateName(String code) {
        return STATES.getOrDefault(code, code);
    }

    private static double monthly(double annual) {
        return 1 - Math.pow(1 - Math.min(annual, 0.5), 1 / 12.0);
    }

    private static double gauss(SplittableRandom r) {
        double u1 = 1.0 - r.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    /** The standard normal distribution function (Zelen and Severo 26.2.17, error below 1e-7). */
    static double normalCdf(double z) {
        double t = 1 / (1 + 0.2316419 * Math.abs(z));
        double d = 0.3989422804014327 * Math.exp(-z * z / 2);
        double tail =
                d * t * (0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429))));
        return z >= 0 ? 1 - tail : tail;
    }
}
