package io.synthfhir.validity;

import io.synthfhir.model.Allergy;
import io.synthfhir.model.Condition;
import io.synthfhir.model.ConditionCategory;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Immunization;
import io.synthfhir.model.Medication;
import io.synthfhir.model.Observation;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Procedure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Ends come after starts, and events happen inside the encounter that records them. */
final class Timing {
    private Timing() {}

    /** {@code end-before-start}. Repair: the end is set to the start (a zero-length period). */
    static final class EndBeforeStart extends BaseInvariant {
        EndBeforeStart() {
            super(
                    "end-before-start",
                    "Every period ends at or after it starts: encounters, condition abatement after onset, medication"
                            + " end after authoring, procedures, allergy abatement.",
                    List.of(
                            "Encounter.end",
                            "Condition.abatement",
                            "Medication.end",
                            "Procedure.end",
                            "Allergy.abatement"));
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            List<Violation> out = new ArrayList<>();
            List<Encounter> es = r.encounters();
            for (int i = 0; i < es.size(); i++) {
                Encounter e = es.get(i);
                if (e.end().isBefore(e.start())) {
                    out.add(violation(
                            Where.encounter(i, e.type()),
                            "Encounter.end",
                            "before the start " + e.start(),
                            e.end().toString()));
                }
                for (int j = 0; j < e.conditions().size(); j++) {
                    Condition c = e.conditions().get(j);
                    if (c.abatement() != null && c.abatement().isBefore(c.onset())) {
                        out.add(violation(
                                Where.event(i, EventKind.CONDITION, j, c.code()),
                                "Condition.abatement",
                                "before the onset " + c.onset(),
                                c.abatement().toString()));
                    }
                }
                for (int j = 0; j < e.medications().size(); j++) {
                    Medication m = e.medications().get(j);
                    if (m.end() != null && m.end().isBefore(m.authoredOn())) {
                        out.add(violation(
                                Where.event(i, EventKind.MEDICATION, j, m.code()),
                                "Medication.end",
                                "before the order " + m.authoredOn(),
                                m.end().toString()));
                    }
                }
                for (int j = 0; j < e.procedures().size(); j++) {
                    Procedure p = e.procedures().get(j);
                    if (p.end().isBefore(p.start())) {
                        out.add(violation(
                                Where.event(i, EventKind.PROCEDURE, j, p.code()),
                                "Procedure.end",
                                "before the start " + p.start(),
                                p.end().toString()));
                    }
                }
                for (int j = 0; j < e.allergies().size(); j++) {
                    Allergy a = e.allergies().get(j);
                    if (a.abatement() != null && a.abatement().isBefore(a.onset())) {
                        out.add(violation(
                                Where.event(i, EventKind.ALLERGY, j, a.code()),
                                "Allergy.abatement",
                                "before the onset " + a.onset(),
                                a.abatement().toString()));
                    }
                }
            }
            return out;
        }

        @Override
        public PatientRecord repair(PatientRecord r, List<Change> changes) {
            return Records.editEncounters(r, (i, e) -> {
                Encounter.Builder b = e.toBuilder();
                boolean changed = false;
                if (e.end().isBefore(e.start())) {
                    b.end(e.start());
                    changes.add(change(
                            Where.encounter(i, e.type()),
                            Change.Action.CLAMPED,
                            "end " + e.end() + " -> " + e.start()));
                    changed = true;
                }
                for (int j = 0; j < b.conditions.size(); j++) {
                    Condition c = b.conditions.get(j);
                    if (c.abatement() != null && c.abatement().isBefore(c.onset())) {
                        b.conditions.set(j, c.endedAt(c.onset()));
                        changes.add(clamped(i, EventKind.CONDITION, j, c.code(), c.abatement(), c.onset()));
                        changed = true;
                    }
                }
                for (int j = 0; j < b.medications.size(); j++) {
                    Medication m = b.medications.get(j);
                    if (m.end() != null && m.end().isBefore(m.authoredOn())) {
                        b.medications.set(j, m.endedAt(m.authoredOn()));
                        changes.add(clamped(i, EventKind.MEDICATION, j, m.code(), m.end(), m.authoredOn()));
                        changed = true;
                    }
                }
                for (int j = 0; j < b.procedures.size(); j++) {
                    Procedure p = b.procedures.get(j);
                    if (p.end().isBefore(p.start())) {
                        b.procedures.set(j, new Procedure(p.code(), p.start(), p.start(), p.reason()));
                        changes.add(clamped(i, EventKind.PROCEDURE, j, p.code(), p.end(), p.start()));
                        changed = true;
                    }
                }
                for (int j = 0; j < b.allergies.size(); j++) {
                    Allergy a = b.allergies.get(j);
                    if (a.abatement() != null && a.abatement().isBefore(a.onset())) {
                        b.allergies.set(j, a.endedAt(a.onset()));
                        changes.add(clamped(i, EventKind.ALLERGY, j, a.code(), a.abatement(), a.onset()));
                        changed = true;
                    }
                }
                return changed ? b.build() : e;
            });
        }

        private Change clamped(int i, EventKind kind, int j, io.synthfhir.model.Code code, Instant from, Instant to) {
            return change(Where.event(i, kind, j, code), Change.Action.CLAMPED, "end " + from + " -> " + to);
        }
    }

    /**
     * {@code event-outside-encounter}. Every event happens during its encounter [start, end]; a problem-list condition
     * carried onto a visit may have begun earlier, but not after the visit. Repair: move the time into the encounter.
     */
    static final class OutsideEncounter extends BaseInvariant {
        OutsideEncounter() {
            super(
                    "event-outside-encounter",
                    "Every event lies inside its encounter's period (problem-list conditions may have begun earlier).",
                    List.of(
                            "Condition.onset",
                            "Medication.authoredOn",
                            "Observation.effective",
                            "Procedure.start",
                            "Procedure.end",
                            "Immunization.date",
                            "Allergy.onset"));
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            List<Violation> out = new ArrayList<>();
            List<Encounter> es = r.encounters();
            for (int i = 0; i < es.size(); i++) {
                Encounter e = es.get(i);
                for (int j = 0; j < e.conditions().size(); j++) {
                    Condition c = e.conditions().get(j);
                    boolean carried = c.category() == ConditionCategory.PROBLEM_LIST_ITEM;
                    if (c.onset().isAfter(e.end()) || (!carried && c.onset().isBefore(e.start()))) {
                        out.add(outside(
                                e, Where.event(i, EventKind.CONDITION, j, c.code()), "Condition.onset", c.onset()));
                    }
                }
                for (int j = 0; j < e.medications().size(); j++) {
                    Medication m = e.medications().get(j);
                    check(
                            out,
                            e,
                            Where.event(i, EventKind.MEDICATION, j, m.code()),
                            "Medication.authoredOn",
                            m.authoredOn());
                }
                for (int j = 0; j < e.observations().size(); j++) {
                    Observation o = e.observations().get(j);
                    check(
                            out,
                            e,
                            Where.event(i, EventKind.OBSERVATION, j, o.code()),
                            "Observation.effective",
                            o.effective());
                }
                for (int j = 0; j < e.procedures().size(); j++) {
                    Procedure p = e.procedures().get(j);
                    Where w = Where.event(i, EventKind.PROCEDURE, j, p.code());
                    check(out, e, w, "Procedure.start", p.start());
                    check(out, e, w, "Procedure.end", p.end());
                }
                for (int j = 0; j < e.immunizations().size(); j++) {
                    Immunization v = e.immunizations().get(j);
                    check(out, e, Where.event(i, EventKind.IMMUNIZATION, j, v.code()), "Immunization.date", v.date());
                }
                for (int j = 0; j < e.allergies().size(); j++) {
                    Allergy a = e.allergies().get(j);
                    check(out, e, Where.event(i, EventKind.ALLERGY, j, a.code()), "Allergy.onset", a.onset());
                }
            }
            return out;
        }

        private void check(List<Violation> out, Encounter e, Where w, String field, Instant t) {
            if (t.isBefore(e.start()) || t.isAfter(e.end())) {
                out.add(outside(e, w, field, t));
            }
        }

        private Violation outside(Encounter e, Where w, String field, Instant t) {
            return violation(w, field, "outside its encounter " + e.start() + " .. " + e.end(), t.toString());
        }

        @Override
        public PatientRecord repair(PatientRecord r, List<Change> changes) {
            return Records.editEncounters(r, (i, e) -> {
                Encounter.Builder b = e.toBuilder();
                boolean changed = false;
                for (int j = 0; j < b.conditions.size(); j++) {
                    Condition c = b.conditions.get(j);
                    boolean carried = c.category() == ConditionCategory.PROBLEM_LIST_ITEM;
                    Instant t = carried ? min(c.onset(), e.end()) : clamp(c.onset(), e);
                    if (!t.equals(c.onset())) {
                        b.conditions.set(j, new Condition(c.code(), t, later(c.abatement(), t), c.category()));
                        changes.add(moved(i, EventKind.CONDITION, j, c.code(), c.onset(), t));
                        changed = true;
                    }
                }
                for (int j = 0; j < b.medications.size(); j++) {
                    Medication m = b.medications.get(j);
                    Instant t = clamp(m.authoredOn(), e);
                    if (!t.equals(m.authoredOn())) {
                        b.medications.set(j, new Medication(m.code(), t, later(m.end(), t), m.reason(), m.dosage()));
                        changes.add(moved(i, EventKind.MEDICATION, j, m.code(), m.authoredOn(), t));
                        changed = true;
                    }
                }
                for (int j = 0; j < b.observations.size(); j++) {
                    Observation o = b.observations.get(j);
                    Instant t = clamp(o.effective(), e);
                    if (!t.equals(o.effective())) {
                        b.observations.set(
                                j,
                                new Observation(
                                        o.code(),
                                        o.category(),
                                        t,
                                        o.quantity(),
                                        o.codedValue(),
                                        o.range(),
                                        o.interpretation(),
                                        o.components()));
                        changes.add(moved(i, EventKind.OBSERVATION, j, o.code(), o.effective(), t));
                        changed = true;
                    }
                }
                for (int j = 0; j < b.procedures.size(); j++) {
                    Procedure p = b.procedures.get(j);
                    Instant start = clamp(p.start(), e);
                    Instant end = clamp(p.end(), e);
                    end = end.isBefore(start) ? start : end;
                    if (!start.equals(p.start()) || !end.equals(p.end())) {
                        b.procedures.set(j, new Procedure(p.code(), start, end, p.reason()));
                        changes.add(change(
                                Where.event(i, EventKind.PROCEDURE, j, p.code()),
                                Change.Action.CLAMPED,
                                p.start() + " .. " + p.end() + " -> " + start + " .. " + end));
                        changed = true;
                    }
                }
                for (int j = 0; j < b.immunizations.size(); j++) {
                    Immunization v = b.immunizations.get(j);
                    Instant t = clamp(v.date(), e);
                    if (!t.equals(v.date())) {
                        b.immunizations.set(j, new Immunization(v.code(), t));
                        changes.add(moved(i, EventKind.IMMUNIZATION, j, v.code(), v.date(), t));
                        changed = true;
                    }
                }
                for (int j = 0; j < b.allergies.size(); j++) {
                    Allergy a = b.allergies.get(j);
                    Instant t = clamp(a.onset(), e);
                    if (!t.equals(a.onset())) {
                        b.allergies.set(j, new Allergy(a.code(), a.category(), t, later(a.abatement(), t)));
                        changes.add(moved(i, EventKind.ALLERGY, j, a.code(), a.onset(), t));
                        changed = true;
                    }
                }
                return changed ? b.build() : e;
            });
        }

        private Change moved(int i, EventKind kind, int j, io.synthfhir.model.Code code, Instant from, Instant to) {
            return change(Where.event(i, kind, j, code), Change.Action.CLAMPED, from + " -> " + to);
        }

        private static Instant clamp(Instant t, Encounter e) {
            return t.isBefore(e.start()) ? e.start() : t.isAfter(e.end()) ? e.end() : t;
        }

        private static Instant min(Instant a, Instant b) {
            return a.isAfter(b) ? b : a;
        }

        /** An end that moving the start would put before it follows the start. */
        private static Instant later(Instant end, Instant start) {
            return end == null || !end.isBefore(start) ? end : start;
        }
    }
}
