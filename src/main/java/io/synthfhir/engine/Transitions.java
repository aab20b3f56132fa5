package io.synthfhir.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Synthea's transition kinds: direct, distributed, conditional, complex, lookup table. */
final class Transitions {
    private Transitions() {}

    static Transition parse(Node state, LookupTables tables) {
        if (state.has("direct_transition")) {
            return new Direct(state.text("direct_transition"));
        }
        if (state.has("distributed_transition")) {
            return new Distributed(options(state.list("distributed_transition")));
        }
        if (state.has("conditional_transition")) {
            List<Conditional.Branch> branches = new ArrayList<>();
            for (Node b : state.list("conditional_transition")) {
                branches.add(new Conditional.Branch(
                        b.has("condition") ? Logic.parse(b.get("condition")) : null, b.text("transition")));
            }
            return new Conditional(List.copyOf(branches));
        }
        if (state.has("complex_transition")) {
            List<Complex.Branch> branches = new ArrayList<>();
            for (Node b : state.list("complex_transition")) {
                Logic condition = b.has("condition") ? Logic.parse(b.get("condition")) : null;
                Transition then = b.has("transition")
                        ? new Direct(b.text("transition"))
                        : new Distributed(options(b.list("distributions")));
                branches.add(new Complex.Branch(condition, then));
            }
            return new Complex(List.copyOf(branches));
        }
        if (state.has("lookup_table_transition")) {
            return tables.transition(state);
        }
        if (state.has("type_of_care_transition")) {
            Node care = state.get("type_of_care_transition");
            return new TypeOfCare(care.text("ambulatory"), care.text("emergency"), care.text("telemedicine"));
        }
        return null;
    }

    private static List<Distributed.Option> options(List<Node> nodes) {
        List<Distributed.Option> out = new ArrayList<>();
        for (Node o : nodes) {
            Node d = o.get("distribution");
            if (d.json.isNumber()) {
                out.add(new Distributed.Option(o.text("transition"), d.json.asDouble(), null));
            } else {
                out.add(new Distributed.Option(o.text("transition"), d.number("default"), d.text("attribute")));
            }
        }
        return List.copyOf(out);
    }

    record Direct(String target) implements Transition {
        public String next(Person person, Instant time, Steering.View steering) {
            return target;
        }

        public List<String> targets() {
            return List.of(target);
        }
    }

    /** Picks by probability; what the listed probabilities leave over goes to the last option, as in Synthea. */
    record Distributed(List<Option> options) implements Transition {
        record Option(String target, double probability, String attribute) {
            double probability(Person person) {
                if (attribute != null && person.attribute(attribute) instanceof Number n) {
                    return n.doubleValue();
                }
                return probability;
            }
        }

        public String next(Person person, Instant time, Steering.View steering) {
            double[] weights = new double[options.size()];
            double total = 0;
            boolean steered = false;
            for (int i = 0; i < weights.length; i++) {
                weights[i] = Math.max(0, options.get(i).probability(person));
                total += weights[i];
            }
            if (steering.active()) {
                // The options that lead to the target without a Guard first, then any that lead to it at all.
                for (int pass = 0; pass < 2 && !steered; pass++) {
                    double steeredTotal = 0;
                    double[] kept = new double[weights.length];
                    for (int i = 0; i < weights.length; i++) {
                        String to = options.get(i).target();
                        boolean leads = pass == 0 ? steering.leadsWithoutGuard(to) : steering.leadsToTarget(to);
                        kept[i] = leads ? weights[i] : 0;
                        steeredTotal += kept[i];
                    }
                    if (steeredTotal > 0 && steeredTotal < total) {
                        weights = kept;
                        total = steeredTotal;
                        steered = true;
                    }
                }
            }
            double r = person.random.nextDouble() * (steered || total > 1 ? total : 1);
            for (int i = 0; i < weights.length; i++) {
                r -= weights[i];
                if (r < 0) {
                    return options.get(i).target();
                }
            }
            for (int i = weights.length - 1; i >= 0; i--) {
                if (!steered || weights[i] > 0) {
                    return options.get(i).target();
                }
            }
            return options.get(options.size() - 1).target();
        }

        public List<String> targets() {
            return options.stream().map(Option::target).toList();
        }
    }

    record Conditional(List<Branch> branches) implements Transition {
        record Branch(Logic condition, String target) {}

        public String next(Person person, Instant time, Steering.View steering) {
            for (Branch b : branches) {
                if (b.condition() == null || b.condition().test(person, time)) {
                    return b.target();
                }
            }
            return null;
        }

        public List<String> targets() {
            return branches.stream().map(Branch::target).toList();
        }
    }

    record Complex(List<Branch> branches) implements Transition {
        record Branch(Logic condition, Transition then) {}

        public String next(Person person, Instant time, Steering.View steering) {
            for (Branch b : branches) {
                if (b.condition() == null || b.condition().test(person, time)) {
                    return b.then().next(person, time, steering);
                }
            }
            return null;
        }

        public List<String> targets() {
            return branches.stream().flatMap(b -> b.then().targets().stream()).toList();
        }
    }

    /**
     * Synthea's choice between an ambulatory, emergency or telemedicine visit, by era and coverage: its
     * telemedicine_config figures (before 2020: ambulatory 0.75 / emergency 0.25, or 0.65 / 0.35 for people with high
     * emergency use; from 2020: 0.56 / 0.20 / 0.24 and 0.66 / 0.25 / 0.09). Synthea's high emergency use means
     * Medicaid or no insurance; we model no insurance, so the low socioeconomic category stands for it.
     */
    record TypeOfCare(String ambulatory, String emergency, String telemedicine) implements Transition {
        private static final Instant TELEMEDICINE_START = Instant.parse("2020-01-01T00:00:00Z");

        public String next(Person person, Instant time, Steering.View steering) {
            boolean high = "Low".equals(person.attribute("socioeconomic_category"));
            double r = person.random.nextDouble();
            if (time.isBefore(TELEMEDICINE_START)) {
                return r < (high ? 0.65 : 0.75) ? ambulatory : emergency;
            }
            double amb = high ? 0.66 : 0.56;
            double emer = high ? 0.25 : 0.20;
            return r < amb ? ambulatory : r < amb + emer ? emergency : telemedicine;
        }

        public List<String> targets() {
            return List.of(ambulatory, emergency, telemedicine);
        }
    }

    /** The lookup tables a module's states may name, found from the module's place in its folder. */
    interface LookupTables {
        Transition transition(Node state);
    }

    static LookupTables tablesOf(String module, ResourceReader reader) {
        return state -> LookupTableTransition.parse(state, module, reader);
    }
}
