package io.synthfhir.validity;

/** What a {@link Where} points at: the patient, an encounter, or one kind of event inside an encounter. */
public enum EventKind {
    PATIENT,
    ENCOUNTER,
    CONDITION,
    MEDICATION,
    OBSERVATION,
    PROCEDURE,
    IMMUNIZATION,
    ALLERGY;

    String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
