package io.synthfhir.validity;

import java.util.Objects;

/**
 * One broken invariant in one place of a record.
 *
 * @param invariant the stable id of the invariant ({@link Invariant#id()}), e.g. {@code event-before-birth}
 * @param where the encounter and event at fault
 * @param field the field at fault, e.g. {@code Observation.quantity.value} or {@code Medication.reason}
 * @param what what is wrong, in words a user can act on (the rule and the allowed values)
 * @param value the offending value as recorded ({@code null} shown as "missing")
 */
public record Violation(String invariant, Where where, String field, String what, String value) {

    public Violation {
        Objects.requireNonNull(invariant, "invariant");
        Objects.requireNonNull(where, "where");
        value = value == null ? "missing" : value;
    }

    @Override
    public String toString() {
        return invariant + " at " + where + " " + field + " = " + value + ": " + what;
    }
}
