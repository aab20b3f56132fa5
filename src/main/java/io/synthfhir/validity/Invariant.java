package io.synthfhir.validity;

import io.synthfhir.model.PatientRecord;
import java.util.List;

/**
 * A rule every record must meet. Implementations are immutable and thread-safe (one checker serves every thread);
 * {@link #id()} is stable across releases because reports and thresholds name it.
 *
 * <p>Contract of {@link #repair}: return a record in which this invariant's violations are gone where a safe edit
 * exists (drop the event, clamp a value or time, fill in a known value), add one {@link Change} per edit, and leave
 * everything else untouched; an invariant with no safe edit returns the record unchanged, and its violations remain
 * for the caller to reject the record. Repairing a record with no violation must change nothing.
 */
public interface Invariant {

    /** Stable kebab-case identifier, e.g. {@code event-before-birth}. */
    String id();

    /** One sentence: what every record must satisfy. */
    String description();

    /** The model fields this invariant reads, e.g. {@code Observation.effective}. */
    List<String> fields();

    List<Violation> check(PatientRecord record);

    default PatientRecord repair(PatientRecord record, List<Change> changes) {
        return record;
    }
}
