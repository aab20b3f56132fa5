package io.synthfhir.validity;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code complication-without-cause}. A complication (rules/reference/complications.json: diabetic retinopathy,
 * nephropathy, neuropathy, foot ulcer; hypertensive heart and kidney disease) appears only when one of its causes was
 * diagnosed at or before its onset (Synthea issue #1343). Repair: drop the complication.
 */
final class Complications extends BaseInvariant {
    static final String FILE = "complications.json";

    /** Complication code key to the keys of the diagnoses that can cause it, and the cause group's name. */
    private record Causes(String name, Set<String> keys) {}

    private final Map<String, Causes> causes;

    private Complications(Map<String, Causes> causes) {
        super(
                "complication-without-cause",
                "No complication without its underlying diagnosis, diagnosed at or before the complication.",
                List.of("Condition.code", "Condition.onset"));
        this.causes = Map.copyOf(causes);
    }

    static Complications load() {
        Map<String, Causes> out = new HashMap<>();
        for (JsonNode group : ReferenceData.read(FILE).path("groups")) {
            Set<String> keys = new HashSet<>();
            for (JsonNode c : group.path("causes")) {
                keys.add(ReferenceData.snomed(c, FILE).key());
            }
            if (keys.isEmpty()) {
                throw new IllegalStateException(
                        "rules/reference/" + FILE + ": group " + group.path("cause") + " has no causes");
            }
            Causes cs = new Causes(ReferenceData.text(group, "cause", FILE), Set.copyOf(keys));
            for (JsonNode c : group.path("complications")) {
                if (out.put(ReferenceData.snomed(c, FILE).key(), cs) != null) {
                    throw new IllegalStateException(
                            "rules/reference/" + FILE + ": " + c.path("code").asText() + " is listed in two groups");
                }
            }
        }
        return new Complications(out);
    }

    private boolean uncaused(PatientRecord r, Condition c) {
        Causes cs = causes.get(c.code().key());
        if (cs == null) {
            return false;
        }
        Instant onset = c.onset();
        return r.conditions()
                .noneMatch(d -> cs.keys().contains(d.code().key()) && !d.onset().isAfter(onset));
    }

    @Override
    public List<Violation> check(PatientRecord r) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < r.encounters().size(); i++) {
            List<Condition> cs = r.encounters().get(i).conditions();
            for (int j = 0; j < cs.size(); j++) {
                Condition c = cs.get(j);
                if (uncaused(r, c)) {
                    out.add(violation(
                            Where.event(i, EventKind.CONDITION, j, c.code()),
                            "Condition.code",
                            "a complication of " + causes.get(c.code().key()).name() + ", which is not diagnosed by "
                                    + c.onset(),
                            c.code().toString()));
                }
            }
        }
        return out;
    }

    @Override
    public PatientRecord repair(PatientRecord r, List<Change> changes) {
        return Records.editEncounters(r, (i, e) -> {
            Encounter.Builder b = e.toBuilder();
            boolean changed = Records.removeIndices(b.conditions, j -> {
                Condition c = e.conditions().get(j);
                if (uncaused(r, c)) {
                    changes.add(change(
                            Where.event(i, EventKind.CONDITION, j, c.code()),
                            Change.Action.DROPPED,
                            "no " + causes.get(c.code().key()).name() + " diagnosed by " + c.onset()));
                    return true;
                }
                return false;
            });
            return changed ? b.build() : e;
        });
    }

    /** Whether the table knows this code as a complication (for the realism measures). */
    boolean isComplication(Code code) {
        return causes.containsKey(code.key());
    }
}
