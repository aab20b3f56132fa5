package io.synthfhir.fhir.extract;

import io.synthfhir.fhir.UsCore;
import io.synthfhir.model.Code;
import io.synthfhir.model.Interpretation;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.Quantity;
import io.synthfhir.model.ReferenceRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Observation.ObservationReferenceRangeComponent;
import org.hl7.fhir.r4.model.Type;

/**
 * Observation: category, code, a quantity / coded value / components, reference range, interpretation, effective
 * time. A value the model has no place for (a string, a boolean, ...) is dropped and the observation kept, so that
 * its code still counts in the visit; the report says how many.
 */
final class ObservationReader {
    private ObservationReader() {}

    static Part observation(Set<String> keys, org.hl7.fhir.r4.model.Observation o, Tally tally) {
        if (o.hasStatus()) {
            switch (o.getStatus()) {
                case CANCELLED, ENTEREDINERROR -> {
                    tally.skip("Observation", "status " + o.getStatus().toCode());
                    return null;
                }
                default -> {}
            }
        }
        Code code = Concepts.code(o.getCode());
        if (code == null) {
            tally.skip("Observation", "no coded code");
            return null;
        }
        ObservationCategory category = category(o, tally);
        if (category == null) {
            return null;
        }
        Instant effective = Times.start(o.getEffective());
        if (effective == null) {
            effective = Times.instant(o.getIssuedElement());
            if (effective == null) {
                tally.skip("Observation", "no effective time and no issued time");
                return null;
            }
            tally.adjust("Observation: effective time taken from issued");
        }
        Quantity quantity = null;
        Code codedValue = null;
        Type value = o.getValue();
        if (value instanceof org.hl7.fhir.r4.model.Quantity q) {
            quantity = Concepts.quantity(q);
            if (quantity == null) {
                tally.adjust("Observation: valueQuantity without a number, kept without a value");
            }
        } else if (value instanceof CodeableConcept concept) {
            codedValue = Concepts.code(concept);
            if (codedValue == null) {
                tally.adjust("Observation: valueCodeableConcept without a coding, kept without a value");
            }
        } else if (value != null) {
            tally.adjust("Observation: value" + capitalised(value.fhirType()) + " is not held by the model, kept"
                    + " without a value");
        }
        List<ObservationComponent> components = new ArrayList<>();
        for (org.hl7.fhir.r4.model.Observation.ObservationComponentComponent c : o.getComponent()) {
            Code componentCode = Concepts.code(c.getCode());
            if (componentCode == null) {
                tally.adjust("Observation: component without a coded code dropped");
                continue;
            }
            Quantity componentValue =
                    c.getValue() instanceof org.hl7.fhir.r4.model.Quantity q ? Concepts.quantity(q) : null;
            if (componentValue == null && c.hasValue()) {
                tally.adjust("Observation: component value other than a quantity dropped");
            }
            components.add(new ObservationComponent(
                    componentCode,
                    componentValue,
                    range(c.getReferenceRange()),
                    interpretation(c.getInterpretation(), tally)));
        }
        Observation observation = new Observation(
                code,
                category,
                effective,
                quantity,
                codedValue,
                range(o.getReferenceRange()),
                interpretation(o.getInterpretation(), tally),
                components);
        return new Events.ObservationPart(keys, Refs.of(o.getSubject()), Refs.of(o.getEncounter()), observation);
    }

    /** The first category coding the model knows; observation-category codes it lacks (therapy, activity) skip. */
    private static ObservationCategory category(org.hl7.fhir.r4.model.Observation o, Tally tally) {
        String unknown = null;
        for (CodeableConcept concept : o.getCategory()) {
            for (Coding coding : concept.getCoding()) {
                if (!coding.hasCode()
                        || (coding.hasSystem() && !UsCore.OBSERVATION_CATEGORY.equals(coding.getSystem()))) {
                    continue;
                }
                try {
                    return ObservationCategory.fromFhirCode(coding.getCode());
                } catch (IllegalArgumentException e) {
                    unknown = unknown == null ? coding.getCode() : unknown;
                }
            }
        }
        tally.skip(
                "Observation",
                unknown == null
                        ? "no observation-category coding"
                        : "category '" + unknown + "' is not one the model holds");
        return null;
    }

    private static ReferenceRange range(List<ObservationReferenceRangeComponent> ranges) {
        for (ObservationReferenceRangeComponent r : ranges) {
            Double low = r.hasLow() ? Concepts.number(r.getLow()) : null;
            Double high = r.hasHigh() ? Concepts.number(r.getHigh()) : null;
            if (low != null || high != null) {
                return new ReferenceRange(low, high);
            }
        }
        return null;
    }

    private static Interpretation interpretation(List<CodeableConcept> interpretations, Tally tally) {
        for (CodeableConcept concept : interpretations) {
            for (Coding coding : concept.getCoding()) {
                if (!coding.hasCode()) {
                    continue;
                }
                try {
                    return Interpretation.fromV3Code(coding.getCode());
                } catch (IllegalArgumentException e) {
                    tally.adjust("Observation: interpretation code the model lacks dropped");
                }
            }
        }
        return null;
    }

    private static String capitalised(String type) {
        return type.isEmpty() ? type : Character.toUpperCase(type.charAt(0)) + type.substring(1);
    }
}
