package io.synthfhir.engine;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The vital signs a person carries between visits, by Synthea's names ({@code VitalSign} state, {@code Vital Sign}
 * condition, Observation {@code vital_sign}). The lifecycle keeps them current; Synthea keeps the metabolic panel and
 * lipids here too, so modules read them the same way. Names are resolved when a module loads, not at every step.
 */
enum Vital {
    HEIGHT("Height"),
    WEIGHT("Weight"),
    BMI("BMI"),
    HEAD_CIRCUMFERENCE("Head Circumference"),
    HEAD_CIRCUMFERENCE_PERCENTILE("Head Circumference Percentile"),
    HEIGHT_PERCENTILE("Height Percentile"),
    WEIGHT_PERCENTILE("Weight Percentile"),
    BMI_PERCENTILE("BMI Percentile"),
    SYSTOLIC_BLOOD_PRESSURE("Systolic Blood Pressure"),
    DIASTOLIC_BLOOD_PRESSURE("Diastolic Blood Pressure"),
    HEART_RATE("Heart Rate"),
    RESPIRATION_RATE("Respiration Rate"),
    BODY_TEMPERATURE("Body Temperature"),
    OXYGEN_SATURATION("Oxygen Saturation"),
    BLOOD_GLUCOSE("Blood Glucose"),
    GLUCOSE("Glucose"),
    UREA_NITROGEN("Urea Nitrogen"),
    CREATININE("Creatinine"),
    CALCIUM("Calcium"),
    SODIUM("Sodium"),
    POTASSIUM("Potassium"),
    CHLORIDE("Chloride"),
    CARBON_DIOXIDE("Carbon Dioxide"),
    TOTAL_CHOLESTEROL("Total Cholesterol"),
    TRIGLYCERIDES("Triglycerides"),
    LDL("LDL"),
    HDL("HDL"),
    EGFR("EGFR"),
    MICROALBUMIN_CREATININE_RATIO("Microalbumin Creatinine Ratio"),
    LEFT_VENTRICULAR_EJECTION_FRACTION("Left ventricular Ejection fraction");

    final String label;

    Vital(String label) {
        this.label = label;
    }

    private static final Map<String, Vital> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(v -> key(v.label), Function.identity()));

    private static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The vital a module names, or a load error naming the field and the names allowed. */
    static Vital named(Node node, String field) {
        String name = node.text(field);
        Vital v = BY_NAME.get(key(name));
        if (v == null) {
            throw node.child(field)
                    .error("unknown vital sign '" + name + "' (allowed: "
                            + Arrays.stream(values()).map(x -> x.label).collect(Collectors.joining(", ")) + ")");
        }
        return v;
    }
}
