package io.synthfhir.validity;

import io.synthfhir.model.PatientRecord;
import java.util.List;

/**
 * The outcome of {@link ValidityChecker#repair}: the repaired record, every edit made, and the violations the repair
 * could not remove (checked again on the repaired record). A caller accepts the record only when {@link #valid()}.
 */
public record Repair(PatientRecord record, List<Change> changes, List<Violation> remaining) {

    public Repair {
        changes = List.copyOf(changes);
        remaining = List.copyOf(remaining);
    }

    /** True when the repaired record breaks no invariant. */
    public boolean valid() {
        return remaining.isEmpty();
    }
}
