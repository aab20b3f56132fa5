package io.synthfhir.engine;

import io.synthfhir.model.Code;
import io.synthfhir.model.Interpretation;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.Quantity;
import io.synthfhir.model.ReferenceRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** States that measure: Observation, MultiObservation, DiagnosticReport, VitalSign and Symptom. */
final class ObservationStates {
    private ObservationStates() {}

    /**
     * How one observation gets its value: exact, range, a distribution, an attribute, a vital sign, a coded value, or
     * a text (Synthea's {@code exact} with a string quantity: kept for logic, not recorded, as the model has no text
     * values).
     */
    record Measure(
            Code code,
            ObservationCategory category,
            String unit,
            Distribution number,
            String attribute,
            Vital vitalSign,
            Code valueCode,
            String text,
            int decimals) {

        static Measure parse(Node node) {
            Code code = node.codes("codes").get(0);
            Vital vital = node.has("vital_sign") ? Vital.named(node, "vital_sign") : null;
            ObservationCategory category =
                    category(node, node.text("category", vital != null ? "vital-signs" : "laboratory"));
            Distribution number = null;
            String text = null;
            if (node.has("exact") && node.get("exact").get("quantity").json.isTextual()) {
                text = node.get("exact").text("quantity");
            } else if (node.has("exact")) {
                number = Distribution.exact(node.get("exact").number("quantity"));
            } else if (node.has("range")) {
                number = Distribution.uniform(
                        node.get("range").number("low"), node.get("range").number("high"));
            } else if (node.has("distribution")) {
                number = Distribution.parse(node.get("distribution"));
            }
            Code valueCode = node.has("value_code") ? node.get("value_code").code() : null;
            String attribute = node.text("attribute", null);
            if (attribute == null && node.has("sampled_data")) {
                // Physiology output (a waveform in an attribute): recorded only if something set the attribute.
                attribute =
                        node.get("sampled_data").list("attributes").get(0).json.asText();
            }
            if (attribute == null && node.has("attachment")) {
                // A chart of an attribute (physiology output): the same.
                Node chart = node.get("attachment").get("chart");
                attribute = chart.list("series").get(0).text("attribute");
            }
            if (number == null
                    && text == null
                    && valueCode == null
                    && attribute == null
                    && vital == null
                    && !node.has("observations")) {
                throw node.error("needs a value: exact, range, distribution, attribute, vital_sign or value_code");
            }
            return new Measure(code, category, node.text("unit", ""), number, attribute, vital, valueCode, text, (int)
                    node.number("decimals", 1));
        }

        /** FHIR's observation categories; Synthea's {@code therapy} is recorded as {@code procedure}. */
        private static ObservationCategory category(Node node, String text) {
            String fhir = text.toLowerCase(Locale.ROOT);
            try {
                return ObservationCategory.fromFhirCode(fhir.equals("therapy") ? "procedure" : fhir);
            } catch (IllegalArgumentException e) {
                throw node.child("category")
                        .error("unknown category '" + text
                                + "' (allowed: vital-signs, laboratory, social-history, survey, exam, procedure,"
                                + " imaging, therapy)");
            }
        }

        Observation take(Person p, Scope s, Instant t) {
            if (text != null) {
                p.lastObservation.put(code.key(), text);
                return null;
            }
            if (valueCode != null) {
                p.lastObservation.put(code.key(), valueCode.key());
                return Observation.coded(code, category, t, valueCode);
            }
            double value;
            if (number != null) {
                value = number.sample(p.random);
            } else if (vitalSign != null) {
                value = p.vital(vitalSign);
            } else {
                Object a = p.attribute(attribute);
                if (a instanceof Code c) {
                    p.lastObservation.put(code.key(), c.key());
                    return Observation.coded(code, category, t, c);
                }
                value = a instanceof Number n ? n.doubleValue() : Double.NaN;
            }
            if (Double.isNaN(value)) {
                return null;
            }
            double scale = Math.pow(10, Math.max(0, decimals));
            value = Math.round(value * scale) / scale;
            LabCatalog.Lab lab = s.labs().find(code);
            ReferenceRange range = null;
            String u = unit;
            if (lab != null) {
                value = Math.max(lab.min(), Math.min(lab.max(), value));
                if (category == ObservationCategory.LABORATORY) {
                    range = lab.range(p.sex);
                }
                if (u.isEmpty()) {
                    u = lab.unit();
                }
            }
            p.lastObservation.put(code.key(), value);
            Quantity q = new Quantity(value, u.isEmpty() ? "1" : u);
            return new Observation(
                    code,
                    category,
                    t,
                    q,
                    null,
                    range,
                    range == null ? null : Interpretation.of(value, range),
                    List.of());
        }
    }

    static final class ObservationState extends State {
        private final Measure measure;

        ObservationState(String name, Transition t, Node node) {
            super(name, t);
            this.measure = Measure.parse(node);
        }

        boolean process(Person p, Scope s, Instant t) {
            Observation o = measure.take(p, s, t);
            if (o != null) {
                p.record(s.module(), e -> e.observations.add(at(o, e.start(), t)));
            }
            return true;
        }
    }

    /** MultiObservation and DiagnosticReport: a panel of observations taken together. */
    static final class PanelState extends State {
        private final List<Measure> parts;

        PanelState(String name, Transition t, Node node) {
            super(name, t);
            List<Measure> list = new ArrayList<>();
            for (Node o : node.list("observations")) {
                list.add(Measure.parse(o));
            }
            this.parts = List.copyOf(list);
        }

        boolean process(Person p, Scope s, Instant t) {
            List<Observation> taken = new ArrayList<>();
            for (Measure m : parts) {
                Observation o = m.take(p, s, t);
                if (o != null) {
                    taken.add(o);
                }
            }
            p.record(s.module(), e -> taken.forEach(o -> e.observations.add(at(o, e.start(), t))));
            return true;
        }
    }

    /** An observation taken before its encounter began is recorded at the encounter's start. */
    static Observation at(Observation o, Instant encounterStart, Instant t) {
        if (!t.isBefore(encounterStart)) {
            return o;
        }
        return new Observation(
                o.code(),
                o.category(),
                encounterStart,
                o.quantity(),
                o.codedValue(),
                o.range(),
                o.interpretation(),
                o.components());
    }

    static final class VitalSignState extends State {
        private final Vital vital;
        private final Distribution value;

        VitalSignState(String name, Transition t, Node node) {
            super(name, t);
            this.vital = Vital.named(node, "vital_sign");
            this.value = node.has("exact")
                    ? Distribution.exact(node.get("exact").number("quantity"))
                    : Distribution.uniform(
                            node.get("range").number("low"), node.get("range").number("high"));
        }

        boolean process(Person p, Scope s, Instant t) {
            p.setVital(vital, value.sample(p.random));
            return true;
        }
    }

    static final class SymptomState extends State {
        private final String symptom;
        private final Distribution value;

        SymptomState(String name, Transition t, Node node) {
            super(name, t);
            this.symptom = Person.normal(node.text("symptom"));
            this.value = node.has("exact")
                    ? Distribution.exact(node.get("exact").number("quantity"))
                    : node.has("range")
                            ? Distribution.uniform(
                                    node.get("range").number("low"),
                                    node.get("range").number("high"))
                            : Distribution.exact(1);
        }

        boolean process(Person p, Scope s, Instant t) {
            p.symptoms.put(symptom, value.sample(p.random));
            return true;
        }
    }
}
