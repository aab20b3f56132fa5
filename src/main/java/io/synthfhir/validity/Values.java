package io.synthfhir.validity;

import io.synthfhir.engine.LabCatalog;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Interpretation;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Quantity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Measured values stay within what a living body can show. */
final class Values {
    private Values() {}

    static final Code SYSTOLIC = Code.loinc("8480-6", "Systolic blood pressure");
    static final Code DIASTOLIC = Code.loinc("8462-4", "Diastolic blood pressure");
    private static final String FAHRENHEIT = "[degF]";

    /**
     * {@code value-outside-limits}. Labs use the lab catalog's min/max (rules/reference/labs.json), vital signs and body
     * measurements the limits of rules/reference/vital_limits.json (height and weight by age). A limit applies only to
     * a value in the limit's unit (temperature also in [degF]); other units are not judged here. Repair: clamp the
     * value to the nearest limit and recompute the interpretation against the reference range.
     */
    static final class OutsideLimits extends BaseInvariant {
        private final LabCatalog labs;
        private final VitalLimits vitals;

        OutsideLimits(LabCatalog labs, VitalLimits vitals) {
            super(
                    "value-outside-limits",
                    "Numeric results lie within physiological limits: the lab catalog's min/max and the vital-sign"
                            + " limits (height and weight by age).",
                    List.of("Observation.quantity.value", "ObservationComponent.value.value"));
            this.labs = labs;
            this.vitals = vitals;
        }

        VitalLimits.Limit limit(PatientRecord r, Code code, String unit, Instant t) {
            LabCatalog.Lab lab = labs.find(code);
            if (lab != null && lab.unit().equals(unit)) {
                return new VitalLimits.Limit(unit, lab.min(), lab.max());
            }
            VitalLimits.Limit v = vitals.find(code, Records.ageAt(r, t));
            if (v == null) {
                return null;
            }
            if (v.unit().equals(unit)) {
                return v;
            }
            if ("Cel".equals(v.unit()) && FAHRENHEIT.equals(unit)) {
                return new VitalLimits.Limit(unit, v.min() * 9 / 5 + 32, v.max() * 9 / 5 + 32);
            }
            return null;
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            List<Violation> out = new ArrayList<>();
            List<Encounter> es = r.encounters();
            for (int i = 0; i < es.size(); i++) {
                List<Observation> obs = es.get(i).observations();
                for (int j = 0; j < obs.size(); j++) {
                    Observation o = obs.get(j);
                    Where w = Where.event(i, EventKind.OBSERVATION, j, o.code());
                    if (o.quantity() != null) {
                        judge(
                                out,
                                w,
                                "Observation.quantity.value",
                                limit(r, o.code(), o.quantity().unit(), o.effective()),
                                o.quantity());
                    }
                    for (ObservationComponent c : o.components()) {
                        if (c.value() != null) {
                            judge(
                                    out,
                                    w,
                                    "ObservationComponent[" + c.code().code() + "].value.value",
                                    limit(r, c.code(), c.value().unit(), o.effective()),
                                    c.value());
                        }
                    }
                }
            }
            return out;
        }

        private void judge(List<Violation> out, Where w, String field, VitalLimits.Limit limit, Quantity q) {
            if (limit != null && (q.value() < limit.min() || q.value() > limit.max())) {
                out.add(violation(
                        w,
                        field,
                        "outside the physiological limits " + Records.number(limit.min()) + " .. "
                                + Records.number(limit.max()) + " " + limit.unit(),
                        Records.number(q.value()) + " " + q.unit()));
            }
        }

        @Override
        public PatientRecord repair(PatientRecord r, List<Change> changes) {
            return Records.editEncounters(r, (i, e) -> {
                Encounter.Builder b = e.toBuilder();
                boolean changed = false;
                for (int j = 0; j < b.observations.size(); j++) {
                    Observation o = b.observations.get(j);
                    Observation fixed = clamp(r, o);
                    if (fixed != o) {
                        b.observations.set(j, fixed);
                        changes.add(change(
                                Where.event(i, EventKind.OBSERVATION, j, o.code()),
                                Change.Action.CLAMPED,
                                describe(o) + " -> " + describe(fixed)));
                        changed = true;
                    }
                }
                return changed ? b.build() : e;
            });
        }

        private Observation clamp(PatientRecord r, Observation o) {
            Quantity q = o.quantity();
            Interpretation interpretation = o.interpretation();
            boolean changed = false;
            if (q != null) {
                Quantity c = clamp(q, limit(r, o.code(), q.unit(), o.effective()));
                if (c != q) {
                    q = c;
                    interpretation = o.range() == null ? interpretation : Interpretation.of(q.value(), o.range());
                    changed = true;
                }
            }
            List<ObservationComponent> parts = new ArrayList<>();
            for (ObservationComponent p : o.components()) {
                Quantity v = p.value();
                Quantity c = v == null ? null : clamp(v, limit(r, p.code(), v.unit(), o.effective()));
                if (c != v) {
                    Interpretation pi =
                            p.range() == null ? p.interpretation() : Interpretation.of(c.value(), p.range());
                    parts.add(new ObservationComponent(p.code(), c, p.range(), pi));
                    changed = true;
                } else {
                    parts.add(p);
                }
            }
            return changed
                    ? new Observation(
                            o.code(), o.category(), o.effective(), q, o.codedValue(), o.range(), interpretation, parts)
                    : o;
        }

        private static Quantity clamp(Quantity q, VitalLimits.Limit limit) {
            if (limit == null || (q.value() >= limit.min() && q.value() <= limit.max())) {
                return q;
            }
            return new Quantity(Math.max(limit.min(), Math.min(limit.max(), q.value())), q.unit());
        }

        private static String describe(Observation o) {
            StringBuilder s = new StringBuilder();
            if (o.quantity() != null) {
                s.append(Records.number(o.quantity().value()))
                        .append(' ')
                        .append(o.quantity().unit());
            }
            for (ObservationComponent c : o.components()) {
                if (c.value() != null) {
                    s.append(s.isEmpty() ? "" : ", ")
                            .append(c.code().code())
                            .append('=')
                            .append(Records.number(c.value().value()));
                }
            }
            return s.toString();
        }
    }

    /** {@code systolic-not-above-diastolic}. A blood-pressure reading's systolic value exceeds its diastolic. Repair: drop the reading. */
    static final class BloodPressureOrder extends BaseInvariant {
        BloodPressureOrder() {
            super(
                    "systolic-not-above-diastolic",
                    "In a blood-pressure reading the systolic pressure is above the diastolic.",
                    List.of("ObservationComponent[8480-6].value", "ObservationComponent[8462-4].value"));
        }

        private static Double component(Observation o, Code code) {
            for (ObservationComponent c : o.components()) {
                if (c.code().sameConcept(code) && c.value() != null) {
                    return c.value().value();
                }
            }
            return null;
        }

        private static boolean inverted(Observation o) {
            Double s = component(o, SYSTOLIC);
            Double d = component(o, DIASTOLIC);
            return s != null && d != null && s <= d;
        }

        @Override
        public List<Violation> check(PatientRecord r) {
            List<Violation> out = new ArrayList<>();
            for (int i = 0; i < r.encounters().size(); i++) {
                List<Observation> obs = r.encounters().get(i).observations();
                for (int j = 0; j < obs.size(); j++) {
                    Observation o = obs.get(j);
                    if (inverted(o)) {
                        out.add(violation(
                                Where.event(i, EventKind.OBSERVATION, j, o.code()),
                                "ObservationComponent[8480-6].value",
                                "systolic not above diastolic",
                                Records.number(component(o, SYSTOLIC)) + "/" + Records.number(component(o, DIASTOLIC))
                                        + " mm[Hg]"));
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
                    if (inverted(o)) {
                        changes.add(change(
                                Where.event(i, EventKind.OBSERVATION, j, o.code()),
                                Change.Action.DROPPED,
                                "systolic " + component(o, SYSTOLIC) + " not above diastolic "
                                        + component(o, DIASTOLIC)));
                        return true;
                    }
                    return false;
                });
                return changed ? b.build() : e;
            });
        }
    }
}
