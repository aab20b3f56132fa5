package io.synthfhir.gan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learned kinds of visit: (encounter class, type code) pairs held by at least k patients. A rarer type is read as
 * the most common learned type of its class (or, when its class has none, the most common type overall), so every
 * training visit and every scaffold visit of the hybrid has a type the model knows.
 */
final class VisitTypes {

    /** One learned visit type and how many training visits had it (the order of fallbacks). */
    record VisitType(EncounterClass encounterClass, Code type, int visits) {
        String key() {
            return encounterClass.name() + "|" + type.key();
        }
    }

    private final List<VisitType> types;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<EncounterClass, Integer> byClass = new EnumMap<>(EncounterClass.class);
    private final int mostCommon;

    @JsonCreator
    VisitTypes(@JsonProperty("types") List<VisitType> types) {
        if (types.isEmpty()) {
            throw new IllegalArgumentException("no visit types learned");
        }
        this.types = List.copyOf(types);
        int best = 0;
        for (int i = 0; i < this.types.size(); i++) {
            VisitType t = this.types.get(i);
            index.put(t.key(), i);
            Integer current = byClass.get(t.encounterClass());
            if (current == null || this.types.get(current).visits() < t.visits()) {
                byClass.put(t.encounterClass(), i);
            }
            if (this.types.get(best).visits() < t.visits()) {
                best = i;
            }
        }
        this.mostCommon = best;
    }

    @JsonProperty("types")
    List<VisitType> types() {
        return types;
    }

    int count() {
        return types.size();
    }

    VisitType get(int i) {
        return types.get(i);
    }

    int indexOf(EncounterClass encounterClass, Code type) {
        Integer i = index.get(encounterClass.name() + "|" + type.key());
        if (i != null) {
            return i;
        }
        return byClass.getOrDefault(encounterClass, mostCommon);
    }

    int indexOf(Encounter e) {
        return indexOf(e.encounterClass(), e.type());
    }

    static VisitTypes learn(List<List<Encounter>> patients, int k) {
        Map<String, Set<Integer>> holders = new HashMap<>();
        Map<String, Integer> visits = new HashMap<>();
        Map<String, Encounter> examples = new HashMap<>();
        for (int p = 0; p < patients.size(); p++) {
            for (Encounter e : patients.get(p)) {
                String key = e.encounterClass().name() + "|" + e.type().key();
                holders.computeIfAbsent(key, x -> new HashSet<>()).add(p);
                visits.merge(key, 1, Integer::sum);
                examples.putIfAbsent(key, e);
            }
        }
        List<VisitType> kept = new ArrayList<>();
        holders.keySet().stream()
                .filter(key -> holders.get(key).size() >= k)
                .sorted()
                .forEach(key -> {
                    Encounter e = examples.get(key);
                    kept.add(new VisitType(e.encounterClass(), e.type(), visits.get(key)));
                });
        if (kept.isEmpty()) {
            throw new TrainingDataException("no encounter type is held by at least k=" + k
                    + " patients: the cohort is too small or too varied to learn visits from");
        }
        return new VisitTypes(kept);
    }
}
