package io.synthfhir.validity;

import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Every time a record holds, with where it is and which field: what the life-span invariants look at. */
final class EventTimes {
    private EventTimes() {}

    record Timed(Where where, String field, Instant time) {}

    static List<Timed> of(PatientRecord r) {
        List<Timed> out = new ArrayList<>();
        List<Encounter> encounters = r.encounters();
        for (int i = 0; i < encounters.size(); i++) {
            Encounter e = encounters.get(i);
            Where at = Where.encounter(i, e.type());
            out.add(new Timed(at, "Encounter.start", e.start()));
            out.add(new Timed(at, "Encounter.end", e.end()));
            for (int j = 0; j < e.conditions().size(); j++) {
                Condition c = e.conditions().get(j);
                Where w = Where.event(i, EventKind.CONDITION, j, c.code());
                out.add(new Timed(w, "Condition.onset", c.onset()));
                add(out, w, "Condition.abatement", c.abatement());
            }
            for (int j = 0; j < e.medications().size(); j++) {
                var m = e.medications().get(j);
                Where w = Where.event(i, EventKind.MEDICATION, j, m.code());
                out.add(new Timed(w, "Medication.authoredOn", m.authoredOn()));
                add(out, w, "Medication.end", m.end());
            }
            for (int j = 0; j < e.observations().size(); j++) {
                var o = e.observations().get(j);
                out.add(new Timed(
                        Where.event(i, EventKind.OBSERVATION, j, o.code()), "Observation.effective", o.effective()));
            }
            for (int j = 0; j < e.procedures().size(); j++) {
                var p = e.procedures().get(j);
                Where w = Where.event(i, EventKind.PROCEDURE, j, p.code());
                out.add(new Timed(w, "Procedure.start", p.start()));
                out.add(new Timed(w, "Procedure.end", p.end()));
            }
            for (int j = 0; j < e.immunizations().size(); j++) {
                var v = e.immunizations().get(j);
                out.add(new Timed(Where.event(i, EventKind.IMMUNIZATION, j, v.code()), "Immunization.date", v.date()));
            }
            for (int j = 0; j < e.allergies().size(); j++) {
                var a = e.allergies().get(j);
                Where w = Where.event(i, EventKind.ALLERGY, j, a.code());
                out.add(new Timed(w, "Allergy.onset", a.onset()));
                add(out, w, "Allergy.abatement", a.abatement());
            }
        }
        return out;
    }

    private static void add(List<Timed> out, Where w, String field, Instant t) {
        if (t != null) {
            out.add(new Timed(w, field, t));
        }
    }
}
