package io.synthfhir.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthfhir.model.Code;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/** The condition types of Synthea's logic, one small immutable class each. */
final class Logics {
    private Logics() {}

    static Map<String, Function<Node, Logic>> parsers() {
        Map<String, Function<Node, Logic>> p = new HashMap<>();
        p.put("True", n -> (person, t) -> true);
        p.put("False", n -> (person, t) -> false);
        p.put(
                "And",
                n -> new All(children(n, "conditions"), n.list("conditions").size()));
        p.put("Or", n -> new AtLeast(children(n, "conditions"), 1));
        p.put("Not", n -> new Not(Logic.parse(n.get("condition"))));
        p.put("At Least", n -> new AtLeast(children(n, "conditions"), (int) n.number("minimum")));
        p.put("At Most", n -> new AtMost(children(n, "conditions"), (int) n.number("maximum")));
        p.put("Gender", n -> new Gender(n.text("gender")));
        p.put(
                "Age",
                n -> new Age(
                        Operator.parse(n, "operator"),
                        n.number("quantity") * Units.seconds(n.text("unit"), n.child("unit")) / (365.25 * 86400)));
        p.put("Date", Logics::date);
        p.put("Attribute", n -> new Attribute(n.text("attribute"), Operator.parse(n, "operator"), value(n)));
        p.put("Race", n -> new AttributeIs("race", n.text("race")));
        p.put("Socioeconomic Status", n -> new AttributeIs("socioeconomic_category", n.text("category")));
        p.put(
                "PriorState",
                n -> new PriorState(
                        n.text("name"),
                        n.has("within")
                                ? Units.duration(wrapExact(n.get("within"))).sample(null)
                                : Double.NaN,
                        n.text("since", null)));
        p.put(
                "Active Condition",
                n -> new Active(Person::conditionsOf, codeKeys(n), n.text("referenced_by_attribute", null)));
        p.put(
                "Active Medication",
                n -> new Active(Person::medicationsOf, codeKeys(n), n.text("referenced_by_attribute", null)));
        p.put(
                "Active Allergy",
                n -> new Active(Person::allergiesOf, codeKeys(n), n.text("referenced_by_attribute", null)));
        p.put(
                "Active CarePlan",
                n -> new Active(Person::carePlansOf, codeKeys(n), n.text("referenced_by_attribute", null)));
        p.put(
                "Observation",
                n -> new ObservationValue(
                        codeKeys(n), n.text("referenced_by_attribute", null), Operator.parse(n, "operator"), value(n)));
        p.put(
                "Vital Sign",
                n -> new VitalSign(Vital.named(n, "vital_sign"), Operator.parse(n, "operator"), n.number("value")));
        p.put(
                "Symptom",
                n -> new Symptom(Person.normal(n.text("symptom")), Operator.parse(n, "operator"), n.number("value")));
        return Map.copyOf(p);
    }

    private static List<Logic> children(Node n, String field) {
        List<Logic> out = new ArrayList<>();
        for (Node c : n.list(field)) {
            out.add(Logic.parse(c));
        }
        return List.copyOf(out);
    }

    private static Node wrapExact(Node within) {
        com.fasterxml.jackson.databind.node.ObjectNode o =
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        o.set("exact", within.json);
        return new Node(o, within.file, within.state, within.path);
    }

    private static Set<String> codeKeys(Node n) {
        if (!n.has("codes")) {
            if (!n.has("referenced_by_attribute")) {
                throw n.error("needs codes or referenced_by_attribute");
            }
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        for (Code c : n.codes("codes")) {
            keys.add(c.key());
        }
        return Set.copyOf(keys);
    }

    static Object value(Node n) {
        if (!n.has("value")) {
            return n.has("value_code") ? n.get("value_code").code().key() : null;
        }
        JsonNode v = n.get("value").json;
        return v.isNumber() ? (Object) v.asDouble() : v.isBoolean() ? (Object) v.asBoolean() : v.asText();
    }

    private static Logic date(Node n) {
        Operator op = Operator.parse(n, "operator");
        if (n.has("year")) {
            double year = n.number("year");
            return (person, t) ->
                    op.compareNumbers(LocalDate.ofInstant(t, ZoneOffset.UTC).getYear(), year);
        }
        if (n.has("month")) {
            double month = n.number("month");
            return (person, t) ->
                    op.compareNumbers(LocalDate.ofInstant(t, ZoneOffset.UTC).getMonthValue(), month);
        }
        if (n.has("date")) {
            Node d = n.get("date");
            LocalDate date = LocalDate.of((int) d.number("year"), (int) d.number("month"), (int) d.number("day"));
            return (person, t) ->
                    op.compareNumbers(LocalDate.ofInstant(t, ZoneOffset.UTC).toEpochDay(), date.toEpochDay());
        }
        throw n.error("Date needs year, month or date");
    }

    record All(List<Logic> parts, int size) implements Logic {
        public boolean test(Person person, Instant t) {
            for (Logic l : parts) {
                if (!l.test(person, t)) {
                    return false;
                }
            }
            return true;
        }

        public Set<String> stateReferences() {
            return union(parts);
        }
    }

    record AtLeast(List<Logic> parts, int minimum) implements Logic {
        public boolean test(Person person, Instant t) {
            int n = 0;
            for (Logic l : parts) {
                if (l.test(person, t) && ++n >= minimum) {
                    return true;
                }
            }
            return minimum <= 0;
        }

        public Set<String> stateReferences() {
            return union(parts);
        }
    }

    record AtMost(List<Logic> parts, int maximum) implements Logic {
        public boolean test(Person person, Instant t) {
            int n = 0;
            for (Logic l : parts) {
                if (l.test(person, t)) {
                    n++;
                }
            }
            return n <= maximum;
        }

        public Set<String> stateReferences() {
            return union(parts);
        }
    }

    record Not(Logic inner) implements Logic {
        public boolean test(Person person, Instant t) {
            return !inner.test(person, t);
        }

        public Set<String> stateReferences() {
            return inner.stateReferences();
        }
    }

    record Gender(String gender) implements Logic {
        public boolean test(Person person, Instant t) {
            String g = gender.trim().toUpperCase(Locale.ROOT);
            return person.sex == io.synthfhir.model.AdministrativeSex.MALE ? g.startsWith("M") : g.startsWith("F");
        }
    }

    record Age(Operator operator, double years) implements Logic {
        public boolean test(Person person, Instant t) {
            return operator.compareNumbers(person.ageInYears(t), years);
        }
    }

    record Attribute(String attribute, Operator operator, Object value) implements Logic {
        public boolean test(Person person, Instant t) {
            return operator.compare(person.attribute(attribute), value);
        }
    }

    record AttributeIs(String attribute, String value) implements Logic {
        public boolean test(Person person, Instant t) {
            return value.equalsIgnoreCase(String.valueOf(person.attribute(attribute)));
        }
    }

    record PriorState(String name, double withinSeconds, String since) implements Logic {
        public boolean test(Person person, Instant t) {
            Instant entered = person.lastEntered(name);
            if (entered == null) {
                return false;
            }
            if (since != null) {
                Instant sinceTime = person.lastEntered(since);
                if (sinceTime != null && entered.isBefore(sinceTime)) {
                    return false;
                }
            }
            return Double.isNaN(withinSeconds)
                    || entered.plusSeconds((long) withinSeconds).compareTo(t) >= 0;
        }

        public Set<String> stateReferences() {
            return since == null ? Set.of(name) : Set.of(name, since);
        }
    }

    record Active(Function<Person, Set<String>> active, Set<String> keys, String attribute) implements Logic {
        public boolean test(Person person, Instant t) {
            Set<String> current = active.apply(person);
            if (attribute != null) {
                Object v = person.attribute(attribute);
                return v instanceof Code c && current.contains(c.key());
            }
            for (String k : keys) {
                if (current.contains(k)) {
                    return true;
                }
            }
            return false;
        }
    }

    record ObservationValue(Set<String> keys, String attribute, Operator operator, Object value) implements Logic {
        public boolean test(Person person, Instant t) {
            Object last = null;
            if (attribute != null && person.attribute(attribute) instanceof Code c) {
                last = person.lastObservation.get(c.key());
            }
            for (String k : keys) {
                if (last == null) {
                    last = person.lastObservation.get(k);
                }
            }
            return operator.compare(last, value);
        }
    }

    record VitalSign(Vital vital, Operator operator, double value) implements Logic {
        public boolean test(Person person, Instant t) {
            double v = person.vital(vital);
            return !Double.isNaN(v) && operator.compareNumbers(v, value);
        }
    }

    record Symptom(String symptom, Operator operator, double value) implements Logic {
        public boolean test(Person person, Instant t) {
            Double v = person.symptoms.get(symptom);
            return operator.compareNumbers(v == null ? 0 : v, value);
        }
    }

    private static Set<String> union(List<Logic> parts) {
        Set<String> out = new HashSet<>();
        parts.forEach(p -> out.addAll(p.stateReferences()));
        return out;
    }
}
