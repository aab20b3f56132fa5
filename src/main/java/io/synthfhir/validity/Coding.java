package io.synthfhir.validity;

import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Medication;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Procedure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Codes come from the expected terminologies and units are UCUM. */
final class Coding {
    private Coding() {}

    static final Set<String> SNOMED = Set.of(Code.SNOMED);
    static final Set<String> LOINC = Set.of(Code.LOINC);
    /** Allergies to drugs are coded in RxNorm (as in the Synthea corpus), others in SNOMED CT. */
    static final Set<String> ALLERGY = Set.of(Code.SNOMED, Code.RXNORM);
    /** Findings, exams and procedures observed may be SNOMED CT coded (Synthea's gallstones module codes an ECG so). */
    static final Set<String> OTHER_OBSERVATION = Set.of(Code.LOINC, Code.SNOMED);
    /** Coded answers: SNOMED CT findings and LOINC answer lists (both in the shared corpus). */
    static final Set<String> ANSWER = Set.of(Code.SNOMED, Code.LOINC);

    /**
     * {@code unexpected-code-system}. Conditions, procedures, encounter types and reasons in SNOMED CT; medications in
     * RxNorm; immunizations in CVX; allergies in SNOMED CT or RxNorm; laboratory and vital-sign observations and all
     * components in LOINC, other observations in LOINC or SNOMED CT; coded values in SNOMED CT or LOINC. The shared
     * Synthea corpus (237 patients) codes all 173,624 observations in LOINC. Repair: drop the event; an encounter,
     * medication or procedure reason in the wrong system is cleared. An encounter type in the wrong system remains.
     */
    static final class CodeSystems extends BaseInvariant {
        CodeSystems() {
            super(
                    "unexpected-code-system",
                    "Every code is from its expected terminology (SNOMED CT, RxNorm, LOINC, CVX).",
                    List.of(
                            "Encounter.type",
                            "Encounter.reason",
                            "Condition.code",
                            "Medication.code",
                            "Medication.reason",
                            "Observation.code",
                            "Observation.codedValue",
                            "ObservationComponent.code",
                            "Procedure.code",
                            "Procedure.reason",
                            "Immunization.code",
                            "Allergy.code"));
        }

        static Set<String> observationSystems(Observation o) {
            return o.category() == ObservationCategory.LABORATORY || o.category() == ObservationCategory.VITAL_SIGNS
                    ? LOINC
                    : OTHER_OBSERVATION;
        }

        static boolean observationOk(Observation o) {
            if (!observationSystems(o).contains(o.code().system())) {
                return false;
            }
            if (o.codedValue() != null && !ANSWER.contains(o.codedValue().system())) {
                return false;
            }
            return o.components().stream().allMatch(c -> LOINC.contains(c.code().system()));
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            List<Violation> out = new ArrayList<>();
            for (int i = 0; i < r.encounters().size(); i++) {
                Encounter e = r.encounters().get(i);
                Where at = Where.encounter(i, e.type());
                expect(out, at, "Encounter.type", e.type(), SNOMED);
                expect(out, at, "Encounter.reason", e.reason(), SNOMED);
                for (int j = 0; j < e.conditions().size(); j++) {
                    Code c = e.conditions().get(j).code();
                    expect(out, Where.event(i, EventKind.CONDITION, j, c), "Condition.code", c, SNOMED);
                }
                for (int j = 0; j < e.medications().size(); j++) {
                    Medication m = e.medications().get(j);
                    Where w = Where.event(i, EventKind.MEDICATION, j, m.code());
                    expect(out, w, "Medication.code", m.code(), Set.of(Code.RXNORM));
                    expect(out, w, "Medication.reason", m.reason(), SNOMED);
                }
                for (int j = 0; j < e.observations().size(); j++) {
                    Observation o = e.observations().get(j);
                    Where w = Where.event(i, EventKind.OBSERVATION, j, o.code());
                    expect(out, w, "Observation.code", o.code(), observationSystems(o));
                    expect(out, w, "Observation.codedValue", o.codedValue(), ANSWER);
                    for (ObservationComponent c : o.components()) {
                        expect(out, w, "ObservationComponent.code", c.code(), LOINC);
                    }
                }
                for (int j = 0; j < e.procedures().size(); j++) {
                    Procedure p = e.procedures().get(j);
                    Where w = Where.event(i, EventKind.PROCEDURE, j, p.code());
                    expect(out, w, "Procedure.code", p.code(), SNOMED);
                    expect(out, w, "Procedure.reason", p.reason(), SNOMED);
                }
                for (int j = 0; j < e.immunizations().size(); j++) {
                    Code c = e.immunizations().get(j).code();
                    expect(out, Where.event(i, EventKind.IMMUNIZATION, j, c), "Immunization.code", c, Set.of(Code.CVX));
                }
                for (int j = 0; j < e.allergies().size(); j++) {
                    Code c = e.allergies().get(j).code();
                    expect(out, Where.event(i, EventKind.ALLERGY, j, c), "Allergy.code", c, ALLERGY);
                }
            }
            return out;
        }

        private void expect(List<Violation> out, Where w, String field, Code code, Set<String> systems) {
            if (code != null && !systems.contains(code.system())) {
                out.add(violation(
                        w,
                        field,
                        "code system not allowed here (allowed: "
                                + String.join(", ", systems.stream().sorted().toList()) + ")",
                        code.toString()));
            }
        }

        @Override
        public PatientRecord repair(PatientRecord r, List<Change> changes) {
            return Records.editEncounters(r, (i, e) -> {
                Encounter.Builder b = e.toBuilder();
                boolean changed = false;
                if (e.reason() != null && !SNOMED.contains(e.reason().system())) {
                    b.reason(null);
                    changes.add(change(Where.encounter(i, e.type()), Change.Action.CLEARED, "reason " + e.reason()));
                    changed = true;
                }
                changed |= Records.removeIndices(
                        b.conditions,
                        j -> drop(
                                i,
                                EventKind.CONDITION,
                                j,
                                e.conditions().get(j).code(),
                                SNOMED.contains(e.conditions().get(j).code().system()),
                                changes));
                changed |= Records.removeIndices(
                        b.medications,
                        j -> drop(
                                i,
                                EventKind.MEDICATION,
                                j,
                                e.medications().get(j).code(),
                                Code.RXNORM.equals(e.medications().get(j).code().system()),
                                changes));
                for (int j = 0; j < b.medications.size(); j++) {
                    Medication m = b.medications.get(j);
                    if (m.reason() != null && !SNOMED.contains(m.reason().system())) {
                        b.medications.set(j, new Medication(m.code(), m.authoredOn(), m.end(), null, m.dosage()));
                        changes.add(change(
                                Where.event(i, EventKind.MEDICATION, j, m.code()),
                                Change.Action.CLEARED,
                                "reason " + m.reason()));
                        changed = true;
                    }
                }
                changed |= Records.removeIndices(
                        b.observations,
                        j -> drop(
                                i,
                                EventKind.OBSERVATION,
                                j,
                                e.observations().get(j).code(),
                                observationOk(e.observations().get(j)),
                                changes));
                changed |= Records.removeIndices(
                        b.procedures,
                        j -> drop(
                                i,
                                EventKind.PROCEDURE,
                                j,
                                e.procedures().get(j).code(),
                                SNOMED.contains(e.procedures().get(j).code().system()),
                                changes));
                for (int j = 0; j < b.procedures.size(); j++) {
                    Procedure p = b.procedures.get(j);
                    if (p.reason() != null && !SNOMED.contains(p.reason().system())) {
                        b.procedures.set(j, new Procedure(p.code(), p.start(), p.end(), null));
                        changes.add(change(
                                Where.event(i, EventKind.PROCEDURE, j, p.code()),
                                Change.Action.CLEARED,
                                "reason " + p.reason()));
                        changed = true;
                    }
                }
                changed |= Records.removeIndices(
                        b.immunizations,
                        j -> drop(
                                i,
                                EventKind.IMMUNIZATION,
                                j,
                                e.immunizations().get(j).code(),
                                Code.CVX.equals(e.immunizations().get(j).code().system()),
                                changes));
                changed |= Records.removeIndices(
                        b.allergies,
                        j -> drop(
                                i,
                                EventKind.ALLERGY,
                                j,
                                e.allergies().get(j).code(),
                                ALLERGY.contains(e.allergies().get(j).code().system()),
                                changes));
                return changed ? b.build() : e;
            });
        }

        private boolean drop(int i, EventKind kind, int j, Code code, boolean ok, List<Change> changes) {
            if (!ok) {
                changes.add(
                        change(Where.event(i, kind, j, code), Change.Action.DROPPED, "code system " + code.system()));
            }
            return !ok;
        }
    }

    /** {@code unit-not-ucum}. Every quantity's unit is a valid UCUM expression. Repair: drop the observation. */
    static final class UnitNotUcum extends BaseInvariant {
        private final UcumUnits ucum;

        UnitNotUcum(UcumUnits ucum) {
            super(
                    "unit-not-ucum",
                    "Every quantity's unit is a valid UCUM expression.",
                    List.of("Observation.quantity.unit", "ObservationComponent.value.unit"));
            this.ucum = ucum;
        }

        private String problem(Observation o) {
            if (o.quantity() != null && !ucum.problem(o.quantity().unit()).isEmpty()) {
                return ucum.problem(o.quantity().unit());
            }
            for (ObservationComponent c : o.components()) {
                if (c.value() != null && !ucum.problem(c.value().unit()).isEmpty()) {
                    return ucum.problem(c.value().unit());
                }
            }
            return "";
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            List<Violation> out = new ArrayList<>();
            for (int i = 0; i < r.encounters().size(); i++) {
                List<Observation> obs = r.encounters().get(i).observations();
                for (int j = 0; j < obs.size(); j++) {
                    Observation o = obs.get(j);
                    Where w = Where.event(i, EventKind.OBSERVATION, j, o.code());
                    if (o.quantity() != null
                            && !ucum.problem(o.quantity().unit()).isEmpty()) {
                        out.add(violation(
                                w,
                                "Observation.quantity.unit",
                                ucum.problem(o.quantity().unit()),
                                o.quantity().unit()));
                    }
                    for (ObservationComponent c : o.components()) {
                        if (c.value() != null && !ucum.problem(c.value().unit()).isEmpty()) {
                            out.add(violation(
                                    w,
                                    "ObservationComponent[" + c.code().code() + "].value.unit",
                                    ucum.problem(c.value().unit()),
                                    c.value().unit()));
                        }
                    }
                }
            }
            return out;
        }

        @Override
        public PatientRecord repair(PatientRecord r, List<Change> changes) {
            return Records.editEncounters(r, (i, e) -> {
                Encounter.Builder b = e.toBuilder();
                boolean changed = Records.removeIndices(b.observations, j -> {
                    Observation o = e.observations().get(j);
                    String why = problem(o);
                    if (!why.isEmpty()) {
                        changes.add(
                                change(Where.event(i, EventKind.OBSERVATION, j, o.code()), Change.Action.DROPPED, why));
                        return true;
                    }
                    return false;
                });
                return changed ? b.build() : e;
            });
        }
    }
}
