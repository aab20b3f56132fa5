package io.synthfhir.fhir.extract;

import io.synthfhir.model.Allergy;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Dosage;
import io.synthfhir.model.Immunization;
import io.synthfhir.model.Medication;
import io.synthfhir.model.Observation;
import io.synthfhir.model.Procedure;
import java.time.Instant;
import java.util.Set;

/** The event parts, one per resource type the model holds in an encounter. */
final class Events {
    private Events() {}

    /**
     * A condition, placed by when it was recorded (its recordedDate, else its onset): a problem-list item's onset may
     * precede the encounter that lists it by years.
     */
    record ConditionPart(
            Set<String> keys, String patientRef, String encounterRef, Condition condition, Instant recorded)
            implements Part.Event, Part.Coded {
        public String type() {
            return "Condition";
        }

        public Code code() {
            return condition.code();
        }

        public Instant start() {
            return recorded;
        }

        public Instant end() {
            return recorded;
        }

        public Part.Placeable resolve(Part.Lookup lookup, Tally tally) {
            return e -> e.conditions.add(condition);
        }
    }

    record ObservationPart(Set<String> keys, String patientRef, String encounterRef, Observation observation)
            implements Part.Event, Part.Coded {
        public String type() {
            return "Observation";
        }

        public Code code() {
            return observation.code();
        }

        public Instant start() {
            return observation.effective();
        }

        public Instant end() {
            return observation.effective();
        }

        public Part.Placeable resolve(Part.Lookup lookup, Tally tally) {
            return e -> e.observations.add(observation);
        }
    }

    record ImmunizationPart(Set<String> keys, String patientRef, String encounterRef, Immunization immunization)
            implements Part.Event {
        public String type() {
            return "Immunization";
        }

        public Instant start() {
            return immunization.date();
        }

        public Instant end() {
            return immunization.date();
        }

        public Part.Placeable resolve(Part.Lookup lookup, Tally tally) {
            return e -> e.immunizations.add(immunization);
        }
    }

    /** An allergy, placed like a condition by when it was recorded. */
    record AllergyPart(Set<String> keys, String patientRef, String encounterRef, Allergy allergy, Instant recorded)
            implements Part.Event, Part.Coded {
        public String type() {
            return "AllergyIntolerance";
        }

        public Code code() {
            return allergy.code();
        }

        public Instant start() {
            return recorded;
        }

        public Instant end() {
            return recorded;
        }

        public Part.Placeable resolve(Part.Lookup lookup, Tally tally) {
            return e -> e.allergies.add(allergy);
        }
    }

    /** A procedure; a reason given by reference is resolved to the code of the condition it names. */
    record ProcedurePart(
            Set<String> keys,
            String patientRef,
            String encounterRef,
            Code code,
            Instant start,
            Instant end,
            Code reasonCode,
            String reasonRef)
            implements Part.Event, Part.Coded {
        public String type() {
            return "Procedure";
        }

        public Part.Placeable resolve(Part.Lookup lookup, Tally tally) {
            Code reason = reasonCode != null ? reasonCode : lookup.codeOf(reasonRef);
            if (reason == null && reasonRef != null) {
                tally.adjust("Procedure: reasonReference not found, kept without a reason");
            }
            Procedure procedure = new Procedure(code, start, end, reason);
            return e -> e.procedures.add(procedure);
        }
    }

    /**
     * A medication request; the drug given by reference (a Medication resource, contained or not) and the indication
     * given by reference (a Condition) are resolved to their codes.
     */
    record MedicationRequestPart(
            Set<String> keys,
            String patientRef,
            String encounterRef,
            Code code,
            String medicationRef,
            Instant authoredOn,
            Instant until,
            Code reasonCode,
            String reasonRef,
            Dosage dosage)
            implements Part.Event {
        public String type() {
            return "MedicationRequest";
        }

        public Instant start() {
            return authoredOn;
        }

        public Instant end() {
            return authoredOn;
        }

        public Part.Placeable resolve(Part.Lookup lookup, Tally tally) {
            Code drug = code;
            if (drug == null && lookup.find(medicationRef, "Medication") instanceof Part.Coded medication) {
                drug = medication.code();
            }
            if (drug == null) {
                tally.skip(
                        type(),
                        medicationRef == null ? "no coded medication" : "medicationReference not found or not coded");
                return null;
            }
            Code reason = reasonCode != null ? reasonCode : lookup.codeOf(reasonRef);
            if (reason == null && reasonRef != null) {
                tally.adjust("MedicationRequest: reasonReference not found, kept without a reason");
            }
            Medication medication = new Medication(drug, authoredOn, until, reason, dosage);
            return e -> e.medications.add(medication);
        }
    }
}
