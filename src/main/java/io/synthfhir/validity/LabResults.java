package io.synthfhir.validity;

import io.synthfhir.engine.LabCatalog;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Interpretation;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Quantity;
import io.synthfhir.model.ReferenceRange;
import java.util.ArrayList;
import java.util.List;

/** Laboratory results carry a reference range and an interpretation that agrees with it (Synthea issue #731). */
final class LabResults {
    private LabResults() {}

    static boolean hasBounds(ReferenceRange range) {
        return range != null && (range.low() != null || range.high() != null);
    }

    /** Whether {@code actual} is a correct reading of a value whose plain interpretation is {@code expected}. */
    static boolean consistent(Interpretation expected, Interpretation actual) {
        return expected == actual
                || (expected == Interpretation.LOW && actual == Interpretation.CRITICAL_LOW)
                || (expected == Interpretation.HIGH && actual == Interpretation.CRITICAL_HIGH)
                || (expected != Interpretation.NORMAL && actual == Interpretation.ABNORMAL);
    }

    /**
     * {@code lab-without-range}. Every numeric laboratory result (and every numeric component of one) has a reference
     * range with at least one bound and an interpretation. Repair: attach the lab catalog's range for the patient's sex
     * and the interpretation it gives; a result whose code or unit the catalog does not know is dropped.
     */
    static final class WithoutRange extends BaseInvariant {
        private final LabCatalog labs;

        WithoutRange(LabCatalog labs) {
            super(
                    "lab-without-range",
                    "Every numeric laboratory result has a reference range and an interpretation.",
                    List.of(
                            "Observation.referenceRange",
                            "Observation.interpretation",
                            "ObservationComponent.referenceRange",
                            "ObservationComponent.interpretation"));
            this.labs = labs;
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            List<Violation> out = new ArrayList<>();
            for (int i = 0; i < r.encounters().size(); i++) {
                List<Observation> obs = r.encounters().get(i).observations();
                for (int j = 0; j < obs.size(); j++) {
                    Observation o = obs.get(j);
                    if (o.category() != ObservationCategory.LABORATORY) {
                        continue;
                    }
                    Where w = Where.event(i, EventKind.OBSERVATION, j, o.code());
                    if (o.quantity() != null) {
                        judge(out, w, "Observation", o.quantity(), o.range(), o.interpretation());
                    }
                    for (ObservationComponent c : o.components()) {
                        if (c.value() != null) {
                            judge(
                                    out,
                                    w,
                                    "ObservationComponent[" + c.code().code() + "]",
                                    c.value(),
                                    c.range(),
                                    c.interpretation());
                        }
                    }
                }
            }
            return out;
        }

        private void judge(
                List<Violation> out,
                Where w,
                String field,
                Quantity q,
                ReferenceRange range,
                Interpretation interpretation) {
            String value = Records.number(q.value()) + " " + q.unit();
            if (!hasBounds(range)) {
                out.add(violation(w, field + ".referenceRange", "a numeric lab result needs a reference range", value));
            }
            if (interpretation == null) {
                out.add(violation(
                        w,
                        field + ".interpretation",
                        "a numeric lab result needs an interpretation (L, N, H...)",
                        value));
            }
        }

        @Override
        public PatientRecord repair(PatientRecord r, List<Change> changes) {
            var sex = r.demographics().sex();
            return Records.editEncounters(r, (i, e) -> {
                Encounter.Builder b = e.toBuilder();
                boolean changed = false;
                for (int j = b.observations.size() - 1; j >= 0; j--) {
                    Observation o = b.observations.get(j);
                    if (o.category() != ObservationCategory.LABORATORY) {
                        continue;
                    }
                    Where w = Where.event(i, EventKind.OBSERVATION, j, o.code());
                    Observation fixed = complete(o, sex);
                    if (fixed == null) {
                        b.observations.remove(j);
                        changes.add(change(
                                w,
                                Change.Action.DROPPED,
                                "no reference range known for " + o.code().key()
                                        + (o.quantity() == null
                                                ? ""
                                                : " in " + o.quantity().unit())));
                        changed = true;
                    } else if (fixed != o) {
                        b.observations.set(j, fixed);
                        changes.add(change(
                                w,
                                Change.Action.ATTACHED,
                                "range " + rangeText(fixed.range()) + ", interpretation "
                                        + (fixed.interpretation() == null
                                                ? "-"
                                                : fixed.interpretation().v3Code())));
                        changed = true;
                    }
                }
                return changed ? b.build() : e;
            });
        }

        /** The observation with range and interpretation filled in; itself when complete; null when unknowable. */
        private Observation complete(Observation o, io.synthfhir.model.AdministrativeSex sex) {
            boolean changed = false;
            Quantity q = o.quantity();
            ReferenceRange range = o.range();
            Interpretation interpretation = o.interpretation();
            if (q != null && (!hasBounds(range) || interpretation == null)) {
                if (!hasBounds(range)) {
                    range = catalogRange(o.code(), q.unit(), sex);
                    if (range == null) {
                        return null;
                    }
                }
                interpretation = Interpretation.of(q.value(), range);
                changed = true;
            }
            List<ObservationComponent> parts = new ArrayList<>();
            for (ObservationComponent c : o.components()) {
                if (c.value() != null && (!hasBounds(c.range()) || c.interpretation() == null)) {
                    ReferenceRange cr = hasBounds(c.range())
                            ? c.range()
                            : catalogRange(c.code(), c.value().unit(), sex);
                    if (cr == null) {
                        return null;
                    }
                    parts.add(new ObservationComponent(
                            c.code(), c.value(), cr, Interpretation.of(c.value().value(), cr)));
                    changed = true;
                } else {
                    parts.add(c);
                }
            }
            return changed
                    ? new Observation(
                            o.code(), o.category(), o.effective(), q, o.codedValue(), range, interpretation, parts)
                    : o;
        }

        private ReferenceRange catalogRange(
                io.synthfhir.model.Code code, String unit, io.synthfhir.model.AdministrativeSex sex) {
            LabCatalog.Lab lab = labs.find(code);
            return lab != null && lab.unit().equals(unit) && hasBounds(lab.range(sex)) ? lab.range(sex) : null;
        }
    }

    static String rangeText(ReferenceRange range) {
        return (range.low() == null ? "" : Records.number(range.low())) + " .. "
                + (range.high() == null ? "" : Records.number(range.high()));
    }

    /**
     * {@code interpretation-inconsistent}. An interpretation agrees with value and range: below the low bound L (or LL
     * or A), above the high bound H (or HH or A), inside N. Repair: recompute it from value and range.
     */
    static final class Inconsistent extends BaseInvariant {
        Inconsistent() {
            super(
                    "interpretation-inconsistent",
                    "An interpretation agrees with its value and reference range.",
                    List.of("Observation.interpretation", "ObservationComponent.interpretation"));
        }

        private static boolean wrong(Quantity q, ReferenceRange range, Interpretation interpretation) {
            return q != null
                    && hasBounds(range)
                    && interpretation != null
                    && !consistent(Interpretation.of(q.value(), range), interpretation);
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            List<Violation> out = new ArrayList<>();
            for (int i = 0; i < r.encounters().size(); i++) {
                List<Observation> obs = r.encounters().get(i).observations();
                for (int j = 0; j < obs.size(); j++) {
                    Observation o = obs.get(j);
                    Where w = Where.event(i, EventKind.OBSERVATION, j, o.code());
                    if (wrong(o.quantity(), o.range(), o.interpretation())) {
                        out.add(violation(
                                w,
                                "Observation.interpretation",
                                what(o.quantity(), o.range()),
                                o.interpretation().v3Code()));
                    }
                    for (ObservationComponent c : o.components()) {
                        if (wrong(c.value(), c.range(), c.interpretation())) {
                            out.add(violation(
                                    w,
                                    "ObservationComponent[" + c.code().code() + "].interpretation",
                                    what(c.value(), c.range()),
                                    c.interpretation().v3Code()));
                        }
                    }
                }
            }
            return out;
        }

        private static String what(Quantity q, ReferenceRange range) {
            return "value " + Records.number(q.value()) + " against range " + rangeText(range) + " reads "
                    + Interpretation.of(q.value(), range).v3Code();
        }

        @Override
        public PatientRecord repair(PatientRecord r, List<Change> changes) {
            return Records.editEncounters(r, (i, e) -> {
                Encounter.Builder b = e.toBuilder();
                boolean changed = false;
                for (int j = 0; j < b.observations.size(); j++) {
                    Observation o = b.observations.get(j);
                    boolean fix = wrong(o.quantity(), o.range(), o.interpretation());
                    List<ObservationComponent> parts = new ArrayList<>();
                    for (ObservationComponent c : o.components()) {
                        if (wrong(c.value(), c.range(), c.interpretation())) {
                            parts.add(new ObservationComponent(
                                    c.code(),
                                    c.value(),
                                    c.range(),
                                    Interpretation.of(c.value().value(), c.range())));
                            fix = true;
                        } else {
                            parts.add(c);
                        }
                    }
                    if (fix) {
                        Interpretation in = wrong(o.quantity(), o.range(), o.interpretation())
                                ? Interpretation.of(o.quantity().value(), o.range())
                                : o.interpretation();
                        b.observations.set(
                                j,
                                new Observation(
                                        o.code(),
                                        o.category(),
                                        o.effective(),
                                        o.quantity(),
                                        o.codedValue(),
                                        o.range(),
                                        in,
                                        parts));
                        changes.add(change(
                                Where.event(i, EventKind.OBSERVATION, j, o.code()),
                                Change.Action.RECOMPUTED,
                                "interpretation "
                                        + (o.interpretation() == null
                                                ? "-"
                                                : o.interpretation().v3Code()) + " -> "
                                        + (in == null ? "-" : in.v3Code())));
                        changed = true;
                    }
                }
                return changed ? b.build() : e;
            });
        }
    }
}
