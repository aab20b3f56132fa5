package io.synthfhir.engine;

import io.synthfhir.model.Allergy;
import io.synthfhir.model.AllergyCategory;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Dosage;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.Immunization;
import io.synthfhir.model.Medication;
import io.synthfhir.model.Procedure;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** States that record clinical events: encounters, conditions, allergies, medications, procedures, vaccines, plans. */
final class ClinicalStates {
    private ClinicalStates() {}

    /** The code a {@code reason} names: a ConditionOnset state of this module, or an attribute holding a code. */
    static Code reason(Person p, Scope s, String reason) {
        if (reason == null) {
            return null;
        }
        Code byState = p.recordedByState.get(s.module() + "/" + reason);
        if (byState != null) {
            return byState;
        }
        return p.attribute(reason) instanceof Code c ? c : null;
    }

    static final class EncounterState extends State {
        private final boolean wellness;
        private final EncounterClass encounterClass;
        private final Code type;
        private final String reason;

        EncounterState(String name, Transition t, Node node) {
            super(name, t);
            this.wellness = node.bool("wellness", false);
            this.encounterClass = wellness ? EncounterClass.WELLNESS : encounterClass(node);
            this.type =
                    wellness && !node.has("codes") ? null : node.codes("codes").get(0);
            this.reason = node.text("reason", null);
        }

        private static EncounterClass encounterClass(Node node) {
            try {
                return EncounterClass.parse(node.text("encounter_class"));
            } catch (IllegalArgumentException e) {
                throw node.child("encounter_class").error(e.getMessage());
            }
        }

        boolean process(Person p, Scope s, Instant t) {
            if (wellness) {
                if (p.wellness == null) {
                    return false; // waits for the lifecycle's next scheduled wellness visit
                }
                p.currentEncounter.put(s.module(), p.wellness);
                p.flushPending(s.module(), p.wellness);
                return true;
            }
            p.endEncounter(s.module(), t);
            p.startEncounter(s.module(), encounterClass, type, t, reason(p, s, reason));
            return true;
        }
    }

    static final class EncounterEnd extends State {
        EncounterEnd(String name, Transition t) {
            super(name, t);
        }

        boolean process(Person p, Scope s, Instant t) {
            p.endEncounter(s.module(), t);
            return true;
        }
    }

    /** Shared shape of the "*Onset"/"*Order" states: record a coded event, track it as active, remember it. */
    abstract static class Onset extends State {
        final Code code;
        final String assignTo;

        Onset(String name, Transition t, Node node) {
            super(name, t);
            this.code = node.codes("codes").get(0);
            this.assignTo = node.text("assign_to_attribute", null);
        }

        abstract Map<String, Person.Tracked> active(Person p);

        abstract int add(Person p, Scope s, Encounter.Builder e, Instant t);

        boolean process(Person p, Scope s, Instant t) {
            if (active(p).containsKey(code.key())) {
                remember(p, s);
                return true; // already active: Synthea does not diagnose twice
            }
            active(p).put(code.key(), new Person.Tracked(code, null, -1));
            remember(p, s);
            p.record(s.module(), e -> {
                Person.Tracked tracked = active(p).get(code.key());
                if (tracked != null && tracked.encounter() == null) {
                    active(p)
                            .put(
                                    code.key(),
                                    new Person.Tracked(code, e, add(p, s, e, t.isBefore(e.start()) ? e.start() : t)));
                }
            });
            return true;
        }

        private void remember(Person p, Scope s) {
            p.recordedByState.put(s.module() + "/" + name, code);
            if (assignTo != null) {
                p.attributes.put(assignTo, code);
            }
        }
    }

    static final class ConditionOnset extends Onset {
        ConditionOnset(String name, Transition t, Node node) {
            super(name, t, node);
        }

        Map<String, Person.Tracked> active(Person p) {
            return p.activeConditions;
        }

        int add(Person p, Scope s, Encounter.Builder e, Instant t) {
            e.conditions.add(new Condition(code, t));
            return e.conditions.size() - 1;
        }

        @Override
        Code onsetCode() {
            return code;
        }
    }

    static final class AllergyOnset extends Onset {
        private final AllergyCategory category;

        AllergyOnset(String name, Transition t, Node node) {
            super(name, t, node);
            String c = node.text("category", "environment").toUpperCase(Locale.ROOT);
            try {
                this.category = AllergyCategory.valueOf(c);
            } catch (IllegalArgumentException e) {
                throw node.child("category")
                        .error("unknown allergy category '" + c
                                + "' (allowed: food, medication, environment, biologic)");
            }
        }

        Map<String, Person.Tracked> active(Person p) {
            return p.activeAllergies;
        }

        int add(Person p, Scope s, Encounter.Builder e, Instant t) {
            e.allergies.add(new Allergy(code, category, t, null));
            return e.allergies.size() - 1;
        }
    }

    static final class MedicationOrder extends Onset {
        private final String reason;
        private final Dosage dosage;

        MedicationOrder(String name, Transition t, Node node) {
            super(name, t, node);
            this.reason = node.text("reason", null);
            this.dosage = node.has("prescription") ? dosage(node.get("prescription")) : null;
        }

        private static Dosage dosage(Node rx) {
            if (rx.bool("as_needed", false) || !rx.has("dosage")) {
                return new Dosage(1, 1, 1, "d", rx.bool("as_needed", false));
            }
            Node d = rx.get("dosage");
            String unit =
                    switch (d.text("unit", "days").toLowerCase(Locale.ROOT)) {
                        case "hours", "hour" -> "h";
                        case "weeks", "week" -> "wk";
                        case "months", "month" -> "mo";
                        case "years", "year" -> "a";
                        case "minutes", "minute" -> "min";
                        default -> "d";
                    };
            return new Dosage(
                    d.number("amount", 1), (int) d.number("frequency", 1), d.number("period", 1), unit, false);
        }

        Map<String, Person.Tracked> active(Person p) {
            return p.activeMedications;
        }

        int add(Person p, Scope s, Encounter.Builder e, Instant t) {
            e.medications.add(new Medication(code, t, null, ClinicalStates.reason(p, s, reason), dosage));
            return e.medications.size() - 1;
        }
    }

    /** Shared shape of the "*End" states: find the active event by state, code or attribute; end it now. */
    abstract static class End extends State {
        private final String byState;
        private final List<Code> codes;
        private final String byAttribute;

        End(String name, Transition t, Node node, String stateField) {
            super(name, t);
            this.byState = node.text(stateField, null);
            this.codes = node.has("codes") ? node.codes("codes") : List.of();
            this.byAttribute = node.text("referenced_by_attribute", null);
            if (byState == null && codes.isEmpty() && byAttribute == null) {
                throw node.error("needs " + stateField + ", codes or referenced_by_attribute");
            }
        }

        abstract Map<String, Person.Tracked> active(Person p);

        abstract void end(Encounter.Builder e, int index, Instant t);

        boolean process(Person p, Scope s, Instant t) {
            List<Code> targets = new ArrayList<>(codes);
            if (byState != null && p.recordedByState.get(s.module() + "/" + byState) != null) {
                targets.add(p.recordedByState.get(s.module() + "/" + byState));
            }
            if (byAttribute != null && p.attribute(byAttribute) instanceof Code c) {
                targets.add(c);
            }
            for (Code c : targets) {
                Person.Tracked tracked = active(p).remove(c.key());
                if (tracked != null && tracked.encounter() != null) {
                    Instant when = t.isBefore(tracked.encounter().start())
                            ? tracked.encounter().start()
                            : t;
                    end(tracked.encounter(), tracked.index(), when);
                }
            }
            return true;
        }

        @Override
        List<String> stateReferences() {
            return byState == null ? List.of() : List.of(byState);
        }
    }

    static final class ConditionEnd extends End {
        ConditionEnd(String name, Transition t, Node node) {
            super(name, t, node, "condition_onset");
        }

        Map<String, Person.Tracked> active(Person p) {
            return p.activeConditions;
        }

        void end(Encounter.Builder e, int i, Instant t) {
            e.conditions.set(i, e.conditions.get(i).endedAt(t));
        }
    }

    static final class AllergyEnd extends End {
        AllergyEnd(String name, Transition t, Node node) {
            super(name, t, node, "allergy_onset");
        }

        Map<String, Person.Tracked> active(Person p) {
            return p.activeAllergies;
        }

        void end(Encounter.Builder e, int i, Instant t) {
            e.allergies.set(i, e.allergies.get(i).endedAt(t));
        }
    }

    static final class MedicationEnd extends End {
        MedicationEnd(String name, Transition t, Node node) {
            super(name, t, node, "medication_order");
        }

        Map<String, Person.Tracked> active(Person p) {
            return p.activeMedications;
        }

        void end(Encounter.Builder e, int i, Instant t) {
            e.medications.set(i, e.medications.get(i).endedAt(t));
        }
    }

    /**
     * CarePlan and Device states keep only their effect on logic (Active CarePlan) and the attribute they assign; the
     * model has no place for them. A start names its codes ({@code codes}, or a Device's single {@code code}); an end
     * names the start state, codes (possibly none) or an attribute holding the code.
     */
    static final class ActiveSetState extends State {
        private final Function<Person, java.util.Set<String>> set;
        private final List<Code> codes;
        private final String byState;
        private final String byAttribute;
        private final String assignTo;
        private final boolean start;

        ActiveSetState(
                String name,
                Transition t,
                Node node,
                Function<Person, java.util.Set<String>> set,
                boolean start,
                String stateField) {
            super(name, t);
            this.set = set;
            this.start = start;
            List<Code> listed = new ArrayList<>();
            for (Node c : node.optionalList("codes")) {
                listed.add(c.code());
            }
            if (node.has("code")) {
                listed.add(node.get("code").code());
            }
            this.codes = List.copyOf(listed);
            this.byState = stateField == null ? null : node.text(stateField, null);
            this.byAttribute = node.text("referenced_by_attribute", null);
            this.assignTo = node.text("assign_to_attribute", null);
            if (start && codes.isEmpty()) {
                throw node.error("needs codes (or a Device's code)");
            }
        }

        boolean process(Person p, Scope s, Instant t) {
            List<Code> targets = new ArrayList<>(codes);
            if (byState != null && p.recordedByState.get(s.module() + "/" + byState) != null) {
                targets.add(p.recordedByState.get(s.module() + "/" + byState));
            }
            if (byAttribute != null && p.attribute(byAttribute) instanceof Code c) {
                targets.add(c);
            }
            for (Code c : targets) {
                if (start) {
                    set.apply(p).add(c.key());
                } else {
                    set.apply(p).remove(c.key());
                }
            }
            if (start) {
                p.recordedByState.put(s.module() + "/" + name, codes.get(0));
                if (assignTo != null) {
                    p.attributes.put(assignTo, codes.get(0));
                }
            }
            return true;
        }

        @Override
        List<String> stateReferences() {
            return byState == null ? List.of() : List.of(byState);
        }
    }

    static final class ProcedureState extends State {
        private final Code code;
        private final String reason;
        private final Distribution duration;

        ProcedureState(String name, Transition t, Node node, String codeField) {
            super(name, t);
            this.code = codeField.equals("codes")
                    ? node.codes("codes").get(0)
                    : node.get(codeField).code();
            this.reason = node.text("reason", null);
            this.duration = node.has("duration") ? durationOf(node.get("duration")) : null;
        }

        private static Distribution durationOf(Node d) {
            double unit = Units.seconds(d.text("unit", "minutes"), d.child("unit"));
            return d.has("low")
                    ? Distribution.uniform(d.number("low") * unit, d.number("high") * unit)
                    : Units.duration(d);
        }

        boolean process(Person p, Scope s, Instant t) {
            Code why = ClinicalStates.reason(p, s, reason);
            long seconds = duration == null ? 900 : (long) duration.sample(p.random);
            p.record(s.module(), e -> {
                Instant start = t.isBefore(e.start()) ? e.start() : t;
                e.procedures.add(new Procedure(code, start, start.plusSeconds(seconds), why));
            });
            p.recordedByState.put(s.module() + "/" + name, code);
            return true;
        }
    }

    static final class ImmunizationState extends State {
        private final Code code;

        ImmunizationState(String name, Transition t, Node node) {
            super(name, t);
            this.code = node.codes("codes").get(0);
        }

        boolean process(Person p, Scope s, Instant t) {
            p.record(
                    s.module(),
                    e -> e.immunizations.add(new Immunization(code, t.isBefore(e.start()) ? e.start() : t)));
            return true;
        }
    }

    /** SupplyList and other states with no effect on the record or on logic. */
    static final class NoOp extends State {
        NoOp(String name, Transition t) {
            super(name, t);
        }

        boolean process(Person p, Scope s, Instant t) {
            return true;
        }
    }
}
