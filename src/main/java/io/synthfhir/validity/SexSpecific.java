package io.synthfhir.validity;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code sex-specific-event}. Conditions, procedures, observations and encounter types that only one sex can have
 * (rules/reference/sex_specific.json: pregnancy and its complications, prostate, testis, cervix, uterus, ovary; PSA,
 * Pap smear) appear only in records of that sex. Repair: drop the event (an encounter of the wrong type with all it
 * holds).
 */
final class SexSpecific extends BaseInvariant {
    static final String FILE = "sex_specific.json";
    private static final List<String> KINDS = List.of("condition", "procedure", "observation", "encounter");

    /** Code key to the only sex that can have it, per kind. */
    private final Map<String, Map<String, AdministrativeSex>> table;

    private SexSpecific(Map<String, Map<String, AdministrativeSex>> table) {
        super(
                "sex-specific-event",
                "Sex-specific conditions, procedures, observations and encounters appear only for the matching sex.",
                List.of("Demographics.sex", "Condition.code", "Procedure.code", "Observation.code", "Encounter.type"));
        this.table = table;
    }

    static SexSpecific load() {
        JsonNode root = ReferenceData.read(FILE);
        Map<String, Map<String, AdministrativeSex>> table = new HashMap<>();
        for (String kind : KINDS) {
            table.put(kind, new HashMap<>());
        }
        for (AdministrativeSex sex : AdministrativeSex.values()) {
            JsonNode bySex = root.path(sex.fhirCode());
            for (String kind : KINDS) {
                for (JsonNode n : bySex.path(kind)) {
                    String system = kind.equals("observation") ? Code.LOINC : Code.SNOMED;
                    String key = system + "|" + ReferenceData.text(n, "code", FILE);
                    AdministrativeSex before = table.get(kind).put(key, sex);
                    if (before != null && before != sex) {
                        throw new IllegalStateException(
                                "rules/reference/" + FILE + ": " + key + " is listed for both sexes");
                    }
                }
            }
        }
        return new SexSpecific(table);
    }

    /** The sex that alone can have this concept of this kind, or null when either can. */
    AdministrativeSex only(String kind, Code code) {
        return code == null ? null : table.get(kind).get(code.key());
    }

    private boolean mismatch(PatientRecord r, String kind, Code code) {
        AdministrativeSex only = only(kind, code);
        return only != null && only != r.demographics().sex();
    }

    @Override
    public List<Violation> check(PatientRecord r) {
        List<Violation> out = new ArrayList<>();
        String sex = r.demographics().sex().fhirCode();
        for (int i = 0; i < r.encounters().size(); i++) {
            Encounter e = r.encounters().get(i);
            if (mismatch(r, "encounter", e.type())) {
                out.add(wrong(Where.encounter(i, e.type()), "Encounter.type", e.type(), sex));
            }
            for (int j = 0; j < e.conditions().size(); j++) {
                Code c = e.conditions().get(j).code();
                if (mismatch(r, "condition", c)) {
                    out.add(wrong(Where.event(i, EventKind.CONDITION, j, c), "Condition.code", c, sex));
                }
            }
            for (int j = 0; j < e.procedures().size(); j++) {
                Code c = e.procedures().get(j).code();
                if (mismatch(r, "procedure", c)) {
                    out.add(wrong(Where.event(i, EventKind.PROCEDURE, j, c), "Procedure.code", c, sex));
                }
            }
            for (int j = 0; j < e.observations().size(); j++) {
                Code c = e.observations().get(j).code();
                if (mismatch(r, "observation", c)) {
                    out.add(wrong(Where.event(i, EventKind.OBSERVATION, j, c), "Observation.code", c, sex));
                }
            }
        }
        return out;
    }

    private Violation wrong(Where w, String field, Code code, String sex) {
        String kind = field.substring(0, field.indexOf('.')).toLowerCase(Locale.ROOT);
        String only = only(kind, code).fhirCode();
        return violation(w, field, "only " + only + " patients can have it; this patient is " + sex, code.toString());
    }

    @Override
    public PatientRecord repair(PatientRecord r, List<Change> changes) {
        return Records.editEncounters(r, (i, e) -> {
            if (mismatch(r, "encounter", e.type())) {
                changes.add(change(
                        Where.encounter(i, e.type()),
                        Change.Action.DROPPED,
                        "encounter type for " + only("encounter", e.type()).fhirCode() + " patients only"));
                return null;
            }
            Encounter.Builder b = e.toBuilder();
            boolean changed = false;
            changed |= Records.removeIndices(
                    b.conditions,
                    j -> drop(
                            r,
                            i,
                            EventKind.CONDITION,
                            "condition",
                            e.conditions().get(j).code(),
                            j,
                            changes));
            changed |= Records.removeIndices(
                    b.procedures,
                    j -> drop(
                            r,
                            i,
                            EventKind.PROCEDURE,
                            "procedure",
                            e.procedures().get(j).code(),
                            j,
                            changes));
            changed |= Records.removeIndices(
                    b.observations,
                    j -> drop(
                            r,
                            i,
                            EventKind.OBSERVATION,
                            "observation",
                            e.observations().get(j).code(),
                            j,
                            changes));
            return changed ? b.build() : e;
        });
    }

    private boolean drop(PatientRecord r, int i, EventKind kind, String table, Code code, int j, List<Change> changes) {
        if (mismatch(r, table, code)) {
            changes.add(change(
                    Where.event(i, kind, j, code),
                    Change.Action.DROPPED,
                    "for " + only(table, code).fhirCode() + " patients only"));
            return true;
        }
        return false;
    }
}
