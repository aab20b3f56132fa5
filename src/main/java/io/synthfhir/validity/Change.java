package io.synthfhir.validity;

/**
 * One edit the repair step made. {@code where} is the position in the record as that repair found it (an earlier
 * drop may shift later indices).
 *
 * @param invariant the invariant whose repair made the edit
 * @param action what was done
 * @param detail before and after, in words
 */
public record Change(String invariant, Where where, Action action, String detail) {

    /** The kinds of edit a repair makes. */
    public enum Action {
        /** The event (or encounter) was removed. */
        DROPPED,
        /** A value or time was moved to the nearest allowed one. */
        CLAMPED,
        /** A missing reference range, interpretation or indication was filled in. */
        ATTACHED,
        /** An inconsistent interpretation was recomputed from value and range. */
        RECOMPUTED,
        /** An optional field with a wrong value was emptied. */
        CLEARED
    }

    @Override
    public String toString() {
        return invariant + ": " + action.name().toLowerCase(java.util.Locale.ROOT) + " " + where + " (" + detail + ")";
    }
}
