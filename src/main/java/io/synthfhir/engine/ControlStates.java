package io.synthfhir.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;

/** States that steer the flow of a module without recording anything clinical. */
final class ControlStates {
    private ControlStates() {}

    static final class Initial extends State {
        Initial(String name, Transition t) {
            super(name, t);
        }

        boolean process(Person p, Scope s, Instant t) {
            return true;
        }
    }

    static final class Simple extends State {
        Simple(String name, Transition t) {
            super(name, t);
        }

        boolean process(Person p, Scope s, Instant t) {
            return true;
        }
    }

    static final class Terminal extends State {
        Terminal(String name) {
            super(name, null);
        }

        boolean process(Person p, Scope s, Instant t) {
            return false;
        }

        @Override
        boolean isTerminal() {
            return true;
        }
    }

    /** Waits a sampled duration from the moment it is entered. */
    static final class Delay extends State {
        private final Distribution seconds;

        Delay(String name, Transition t, Node node) {
            super(name, t);
            this.seconds = Units.duration(node);
        }

        @Override
        void enter(Person p, Scope s, Instant t) {
            p.stateData.put(new Person.StateKey(s.module(), this), t.plusSeconds((long) seconds.sample(p.random)));
        }

        boolean process(Person p, Scope s, Instant t) {
            Instant until = (Instant) p.stateData.get(new Person.StateKey(s.module(), this));
            return until == null || !t.isBefore(until);
        }
    }

    /** Holds the module until its condition is true. */
    static final class Guard extends State {
        private final Logic allow;

        Guard(String name, Transition t, Node node) {
            super(name, t);
            this.allow = Logic.parse(node.get("allow"));
        }

        boolean process(Person p, Scope s, Instant t) {
            return allow.test(p, t);
        }

        @Override
        List<String> stateReferences() {
            return List.copyOf(allow.stateReferences());
        }
    }

    static final class SetAttribute extends State {
        private final String attribute;
        private final Object value;

        SetAttribute(String name, Transition t, Node node) {
            super(name, t);
            this.attribute = node.text("attribute");
            if (node.has("expression")) {
                throw node.child("expression").error("expressions are not supported; give a 'value'");
            }
            JsonNode v = node.json.get("value");
            this.value = v == null || v.isNull()
                    ? null
                    : v.isNumber() ? (Object) v.asDouble() : v.isBoolean() ? (Object) v.asBoolean() : v.asText();
        }

        boolean process(Person p, Scope s, Instant t) {
            if (value == null) {
                p.attributes.remove(attribute);
            } else {
                p.attributes.put(attribute, value);
            }
            return true;
        }
    }

    static final class Counter extends State {
        private final String attribute;
        private final double amount;

        Counter(String name, Transition t, Node node) {
            super(name, t);
            this.attribute = node.text("attribute");
            String action = node.text("action");
            double by = node.number("amount", 1);
            this.amount = switch (action) {
                case "increment" -> by;
                case "decrement" -> -by;
                default -> throw node.child("action")
                        .error("unknown action '" + action + "' (allowed: increment, decrement)");
            };
        }

        boolean process(Person p, Scope s, Instant t) {
            Object current = p.attributes.get(attribute);
            double base = current instanceof Number n ? n.doubleValue() : 0;
            p.attributes.put(attribute, base + amount);
            return true;
        }
    }

    static final class CallSubmodule extends State {
        private final String submodule;

        CallSubmodule(String name, Transition t, Node node) {
            super(name, t);
            this.submodule = node.text("submodule");
        }

        boolean process(Person p, Scope s, Instant t) {
            return true;
        }

        @Override
        String submodule() {
            return submodule;
        }
    }

    /** The person dies now, or after the given delay. */
    static final class Death extends State {
        private final Distribution delay;

        Death(String name, Transition t, Node node) {
            super(name, t);
            this.delay = node.has("exact") || node.has("range") ? Units.duration(node) : null;
        }

        boolean process(Person p, Scope s, Instant t) {
            Instant when = delay == null ? t : t.plusSeconds((long) delay.sample(p.random));
            if (p.deathTime == null || when.isBefore(p.deathTime)) {
                p.deathTime = when;
            }
            return true;
        }
    }
}
