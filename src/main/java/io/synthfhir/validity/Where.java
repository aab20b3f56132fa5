package io.synthfhir.validity;

import io.synthfhir.model.Code;

/**
 * The place in a record a violation or a repair refers to: encounter {@code encounter} (its index in {@code
 * PatientRecord.encounters()}, -1 for the patient itself), and inside it the {@code index}-th event of {@code kind}
 * (-1 for the encounter itself), with that event's code for a reader.
 */
public record Where(int encounter, EventKind kind, int index, Code code) {

    public static Where patient() {
        return new Where(-1, EventKind.PATIENT, -1, null);
    }

    public static Where encounter(int encounter, Code type) {
        return new Where(encounter, EventKind.ENCOUNTER, -1, type);
    }

    public static Where event(int encounter, EventKind kind, int index, Code code) {
        return new Where(encounter, kind, index, code);
    }

    @Override
    public String toString() {
        if (kind == EventKind.PATIENT) {
            return "patient";
        }
        String at = "encounter[" + encounter + "]"
                + (kind == EventKind.ENCOUNTER ? "" : "." + kind.label() + "[" + index + "]");
        return code == null ? at : at + " " + code.key();
    }
}
