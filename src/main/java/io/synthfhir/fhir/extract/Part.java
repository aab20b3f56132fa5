package io.synthfhir.fhir.extract;

import io.synthfhir.model.Address;
import io.synthfhir.model.Code;
import io.synthfhir.model.Demographics;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * One FHIR resource read into model values, with its references to other resources still unresolved. Parts are
 * small and hold no HAPI objects, so a whole Bulk Data folder can be read into parts before they are grouped by
 * patient; {@link PatientAssembler} then resolves the references and builds each record.
 */
interface Part {
    /** The FHIR resource type the part was read from. */
    String type();

    /** Every reference key the resource answers to ({@link Refs#keys}). */
    Set<String> keys();

    /** A part whose resource has a code that a reason reference may point at (Condition, Observation, ...). */
    interface Coded extends Part {
        Code code();
    }

    /** A clinical event of one patient that belongs in an encounter. */
    interface Event extends Part {
        String patientRef();

        /** The encounter it references, or null. */
        String encounterRef();

        /** When it happened; {@link #end()} is later only for events with a duration (procedures). */
        Instant start();

        Instant end();

        /**
         * The model event with its references resolved, ready to join an encounter; null when it cannot be built,
         * after counting the reason in {@code tally}.
         */
        Placeable resolve(Lookup lookup, Tally tally);
    }

    /** A model event that can join an encounter. */
    interface Placeable {
        void addTo(Encounter.Builder encounter);
    }

    /** Resolves references between parts. */
    interface Lookup {
        /** The part that {@code reference} points at, or null; {@code expectedType} is used for bare ids. */
        Part find(String reference, String expectedType);

        /** The code of a resource a reason reference points at (a Condition, an Observation, ...), or null. */
        default Code codeOf(String reference) {
            return reference != null && find(reference, "Condition") instanceof Coded coded ? coded.code() : null;
        }
    }

    record PatientPart(
            Set<String> keys, String recordId, Demographics demographics, Instant deathTime, List<String> providerRefs)
            implements Part {
        public String type() {
            return "Patient";
        }
    }

    record EncounterPart(
            Set<String> keys,
            String patientRef,
            EncounterClass encounterClass,
            Code encounterType,
            Instant start,
            Instant end,
            Code reasonCode,
            String reasonRef,
            List<String> providerRefs)
            implements Part {
        public String type() {
            return "Encounter";
        }
    }

    /** A Medication resource: what a MedicationRequest's {@code medicationReference} names. */
    record MedicationPart(Set<String> keys, Code code) implements Coded {
        public String type() {
            return "Medication";
        }
    }

    record OrganizationPart(Set<String> keys, String name, Address address) implements Part {
        public String type() {
            return "Organization";
        }
    }

    record PractitionerPart(Set<String> keys, String givenName, String familyName) implements Part {
        public String type() {
            return "Practitioner";
        }
    }

    /** A PractitionerRole, followed to its practitioner and organization. */
    record RolePart(Set<String> keys, String practitionerRef, String organizationRef) implements Part {
        public String type() {
            return "PractitionerRole";
        }
    }
}
