package io.synthfhir.fhir.extract;

import io.synthfhir.model.Code;
import io.synthfhir.model.Quantity;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** FHIR datatypes as model values: the first coding a concept carries with both a system and a code. */
final class Concepts {
    private Concepts() {}

    /** The concept's first complete coding as a model code (the one our mappers write first), or null. */
    static Code code(CodeableConcept concept) {
        if (concept == null) {
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            Code code = code(coding);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    static Code code(Coding coding) {
        if (coding == null || !coding.hasSystem() || !coding.hasCode()) {
            return null;
        }
        return new Code(coding.getSystem(), coding.getCode(), coding.getDisplay());
    }

    /** The code of the concept's first coding in {@code system}, or null. */
    static String codeIn(CodeableConcept concept, String system) {
        if (concept == null) {
            return null;
        }
        for (Coding coding : concept.getCoding()) {
            if (coding.hasCode() && system.equals(coding.getSystem())) {
                return coding.getCode();
            }
        }
        return null;
    }

    /**
     * A quantity in its UCUM code where it has one (what our mappers and Synthea write), else its human unit; null
     * when it has no number.
     */
    static Quantity quantity(org.hl7.fhir.r4.model.Quantity q) {
        if (q == null || !q.hasValue()) {
            return null;
        }
        double value = q.getValue().doubleValue();
        if (!Double.isFinite(value)) {
            return null;
        }
        String unit = q.hasCode() ? q.getCode() : q.hasUnit() ? q.getUnit() : "";
        return new Quantity(value, unit);
    }

    static Double number(org.hl7.fhir.r4.model.Quantity q) {
        return q == null || !q.hasValue() ? null : q.getValue().doubleValue();
    }
}
