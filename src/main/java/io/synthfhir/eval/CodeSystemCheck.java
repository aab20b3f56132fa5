package io.synthfhir.eval;

import io.synthfhir.model.Code;
import io.synthfhir.model.PatientRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Whether two cohorts can be compared code by code: for each kind of event (conditions, medications, procedures,
 * observations, immunizations) that both cohorts record, they must share at least one code system. Real records
 * coded in ICD-10 against synthetic ones in SNOMED CT would give every code-level figure a meaningless zero; this says
 * so up front instead.
 */
public final class CodeSystemCheck {
    private CodeSystemCheck() {}

    private record Kind(String name, Function<PatientRecord, Stream<Code>> codes) {}

    private static final List<Kind> KINDS = List.of(
            new Kind("conditions", r -> r.conditions().map(c -> c.code())),
            new Kind("medications", r -> r.medications().map(m -> m.code())),
            new Kind("procedures", r -> r.procedures().map(p -> p.code())),
            new Kind("observations", r -> r.observations().map(o -> o.code())),
            new Kind("immunizations", r -> r.immunizations().map(i -> i.code())));

    /** One sentence per kind of event whose code systems do not overlap; empty when the cohorts are comparable. */
    public static List<String> mismatches(List<PatientRecord> real, List<PatientRecord> synthetic) {
        List<String> problems = new ArrayList<>();
        for (Kind kind : KINDS) {
            Set<String> a = systems(real, kind);
            Set<String> b = systems(synthetic, kind);
            if (!a.isEmpty() && !b.isEmpty() && a.stream().noneMatch(b::contains)) {
                problems.add(kind.name() + " are coded in " + String.join(", ", a) + " in the real records and in "
                        + String.join(", ", b) + " in the synthetic ones: with no code system in common, every"
                        + " code-level figure would compare nothing");
            }
        }
        return problems;
    }

    private static Set<String> systems(List<PatientRecord> records, Kind kind) {
        Set<String> systems = new TreeSet<>();
        records.forEach(r -> kind.codes().apply(r).forEach(c -> systems.add(c.system())));
        return systems;
    }
}
