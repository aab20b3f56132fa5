package io.synthfhir.gan;

import io.synthfhir.model.Condition;
import io.synthfhir.model.ConditionCategory;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Medication;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the encounters of the requested years of history, as the rule engine does: those starting in [start, end);
 * conditions still active when the window opens are carried onto its first encounter as problem-list items, and
 * medications still active as renewals written then (one of each code).
 */
final class HistoryWindow {
    private HistoryWindow() {}

    static List<Encounter> apply(List<Encounter> all, Instant start, Instant end) {
        List<Encounter> kept = new ArrayList<>();
        java.util.Map<String, Condition> carriedConditions = new java.util.LinkedHashMap<>();
        java.util.Map<String, Medication> carriedMedications = new java.util.LinkedHashMap<>();
        for (Encounter e : all) {
            if (e.start().isBefore(start)) {
                for (Condition c : e.conditions()) {
                    if (c.abatement() == null || c.abatement().isAfter(start)) {
                        carriedConditions.putIfAbsent(
                                c.code().key(),
                                new Condition(c.code(), c.onset(), c.abatement(), ConditionCategory.PROBLEM_LIST_ITEM));
                    }
                }
                for (Medication m : e.medications()) {
                    if (m.end() == null || m.end().isAfter(start)) {
                        carriedMedications.put(m.code().key(), m);
                    }
                }
            } else if (e.start().isBefore(end)) {
                kept.add(e);
            }
        }
        if (!kept.isEmpty() && (!carriedConditions.isEmpty() || !carriedMedications.isEmpty())) {
            Encounter.Builder first = kept.get(0).toBuilder();
            first.conditions.addAll(0, carriedConditions.values());
            for (Medication m : carriedMedications.values()) {
                if (m.end() == null || m.end().isAfter(first.start())) {
                    first.medications.add(new Medication(m.code(), first.start(), m.end(), m.reason(), m.dosage()));
                }
            }
            kept.set(0, first.build());
        }
        return kept;
    }
}
