package io.synthfhir.validity;

import io.synthfhir.model.Allergy;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Medication;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Procedure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Nothing happens before birth or after death. */
final class LifeSpan {
    private LifeSpan() {}

    static final List<String> TIME_FIELDS = List.of(
            "Encounter.start",
            "Encounter.end",
            "Condition.onset",
            "Condition.abatement",
            "Medication.authoredOn",
            "Medication.end",
            "Observation.effective",
            "Procedure.start",
            "Procedure.end",
            "Immunization.date",
            "Allergy.onset",
            "Allergy.abatement");

    /** {@code event-before-birth}. Repair: drop encounters that start, and events that begin, before birth. */
    static final class BeforeBirth extends BaseInvariant {
        BeforeBirth() {
            super("event-before-birth", "No encounter or event is dated before the patient's birth.", TIME_FIELDS);
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            Instant birth = Records.birth(r);
            List<Violation> out = new ArrayList<>();
            for (EventTimes.Timed t : EventTimes.of(r)) {
                if (t.time().isBefore(birth)) {
                    out.add(violation(
                            t.where(),
                            t.field(),
                            "dated before birth (" + birth + "); allowed: at or after birth",
                            Records.time(t.time())));
                }
            }
            return out;
        }

        @Override
        public PatientRecord repair(PatientRecord r, List<Change> changes) {
            Instant birth = Records.birth(r);
            Predicate<Instant> before = t -> t != null && t.isBefore(birth);
            return Records.editEncounters(r, (i, e) -> {
                if (before.test(e.start())) {
                    changes.add(change(
                            Where.encounter(i, e.type()),
                            Change.Action.DROPPED,
                            "starts " + e.start() + ", before birth " + birth));
                    return null;
                }
                return dropStartingWhen(this, i, e, before, "begins before birth " + birth, changes);
            });
        }
    }

    /**
     * {@code event-after-death}. Repair: drop encounters and events that begin after death; clamp ends (encounter
     * end, abatement, medication end) that fall after death to the time of death.
     */
    static final class AfterDeath extends BaseInvariant {
        AfterDeath() {
            super("event-after-death", "No encounter or event is dated after the patient's death.", TIME_FIELDS);
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            Instant death = r.deathTime();
            if (death == null) {
                return List.of();
            }
            List<Violation> out = new ArrayList<>();
            for (EventTimes.Timed t : EventTimes.of(r)) {
                if (t.time().isAfter(death)) {
                    out.add(violation(
                            t.where(),
                            t.field(),
                            "dated after death (" + death + "); allowed: at or before death",
                            Records.time(t.time())));
                }
            }
            return out;
        }

        @Override
        public PatientRecord repair(PatientRecord r, List<Change> changes) {
            Instant death = r.deathTime();
            if (death == null) {
                return r;
            }
            Predicate<Instant> after = t -> t != null && t.isAfter(death);
            return Records.editEncounters(r, (i, e) -> {
                if (after.test(e.start())) {
                    changes.add(change(
                            Where.encounter(i, e.type()),
                            Change.Action.DROPPED,
                            "starts " + e.start() + ", after death " + death));
                    return null;
                }
                Encounter kept = dropStartingWhen(this, i, e, after, "begins after death " + death, changes);
                return clampEnds(i, kept, death, changes);
            });
        }

        private Encounter clampEnds(int i, Encounter e, Instant death, List<Change> changes) {
            Encounter.Builder b = e.toBuilder();
            boolean changed = false;
            if (e.end().isAfter(death)) {
                b.end(death);
                changes.add(
                        change(Where.encounter(i, e.type()), Change.Action.CLAMPED, "end " + e.end() + " -> " + death));
                changed = true;
            }
            for (int j = 0; j < b.conditions.size(); j++) {
                Condition c = b.conditions.get(j);
                if (c.abatement() != null && c.abatement().isAfter(death)) {
                    b.conditions.set(j, c.endedAt(death));
                    changes.add(change(
                            Where.event(i, EventKind.CONDITION, j, c.code()),
                            Change.Action.CLAMPED,
                            "abatement " + c.abatement() + " -> " + death));
                    changed = true;
                }
            }
            for (int j = 0; j < b.medications.size(); j++) {
                Medication m = b.medications.get(j);
                if (m.end() != null && m.end().isAfter(death)) {
                    b.medications.set(j, m.endedAt(death));
                    changes.add(change(
                            Where.event(i, EventKind.MEDICATION, j, m.code()),
                            Change.Action.CLAMPED,
                            "end " + m.end() + " -> " + death));
                    changed = true;
                }
            }
            for (int j = 0; j < b.procedures.size(); j++) {
                Procedure p = b.procedures.get(j);
                if (p.end().isAfter(death)) {
                    b.procedures.set(j, new Procedure(p.code(), p.start(), death, p.reason()));
                    changes.add(change(
                            Where.event(i, EventKind.PROCEDURE, j, p.code()),
                            Change.Action.CLAMPED,
                            "end " + p.end() + " -> " + death));
                    changed = true;
                }
            }
            for (int j = 0; j < b.allergies.size(); j++) {
                Allergy a = b.allergies.get(j);
                if (a.abatement() != null && a.abatement().isAfter(death)) {
                    b.allergies.set(j, a.endedAt(death));
                    changes.add(change(
                            Where.event(i, EventKind.ALLERGY, j, a.code()),
                            Change.Action.CLAMPED,
                            "abatement " + a.abatement() + " -> " + death));
                    changed = true;
                }
            }
            return changed ? b.build() : e;
        }
    }

    /** Drops every event of the encounter whose (first) time matches {@code bad}, logging each drop. */
    static Encounter dropStartingWhen(
            BaseInvariant by, int i, Encounter e, Predicate<Instant> bad, String why, List<Change> changes) {
        Encounter.Builder b = e.toBuilder();
        boolean changed = false;
        changed |= Records.removeIndices(
                b.conditions,
                j -> dropped(
                        by,
                        i,
                        EventKind.CONDITION,
                        j,
                        e.conditions().get(j).code(),
                        bad.test(e.conditions().get(j).onset()),
                        why,
                        changes));
        changed |= Records.removeIndices(
                b.medications,
                j -> dropped(
                        by,
                        i,
                        EventKind.MEDICATION,
                        j,
                        e.medications().get(j).code(),
                        bad.test(e.medications().get(j).authoredOn()),
                        why,
                        changes));
        changed |= Records.removeIndices(
                b.observations,
                j -> dropped(
                        by,
                        i,
                        EventKind.OBSERVATION,
                        j,
                        e.observations().get(j).code(),
                        bad.test(e.observations().get(j).effective()),
                        why,
                        changes));
        changed |= Records.removeIndices(
                b.procedures,
                j -> dropped(
                        by,
                        i,
                        EventKind.PROCEDURE,
                        j,
                        e.procedures().get(j).code(),
                        bad.test(e.procedures().get(j).start()),
                        why,
                        changes));
        changed |= Records.removeIndices(
                b.immunizations,
                j -> dropped(
                        by,
                        i,
                        EventKind.IMMUNIZATION,
                        j,
                        e.immunizations().get(j).code(),
                        bad.test(e.immunizations().get(j).date()),
                        why,
                        changes));
        changed |= Records.removeIndices(
                b.allergies,
                j -> dropped(
                        by,
                        i,
                        EventKind.ALLERGY,
                        j,
                        e.allergies().get(j).code(),
                        bad.test(e.allergies().get(j).onset()),
                        why,
                        changes));
        return changed ? b.build() : e;
    }

    private static boolean dropped(
            BaseInvariant by,
            int i,
            EventKind kind,
            int j,
            io.synthfhir.model.Code code,
            boolean bad,
            String why,
            List<Change> changes) {
        if (bad) {
            changes.add(by.change(Where.event(i, kind, j, code), Change.Action.DROPPED, why));
        }
        return bad;
    }
}
