package io.synthfhir.engine;

import io.synthfhir.model.Code;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Cohort steering: to give every patient a condition without rejection sampling, distributed transitions choose only
 * among the targets from which a ConditionOnset of that code is still reachable (renormalised), until the onset has
 * happened. Reachability is computed once per (library, code), through submodule calls. Among the targets that lead
 * there, those that lead without waiting at a Guard come first: a branch that waits for an age or another diagnosis
 * ("watch for atrial fibrillation, or age 75") leads to the onset only for some patients, and choosing it would leave
 * the others without the condition.
 */
final class Steering {
    private final Code target;
    /** Per module: the states from which the target onset can be reached. */
    private final Map<String, Set<String>> leading;
    /** Per module: the states from which it can be reached without passing a Guard. */
    private final Map<String, Set<String>> unguarded;

    private Steering(Code target, Map<String, Set<String>> leading, Map<String, Set<String>> unguarded) {
        this.target = target;
        this.leading = leading;
        this.unguarded = unguarded;
    }

    static final Steering NONE = new Steering(null, Map.of(), Map.of());

    static Steering towards(Code target, ModuleLibrary library, Iterable<String> moduleNames) {
        Map<String, Set<String>> leading = new HashMap<>();
        Map<String, Set<String>> unguarded = new HashMap<>();
        Set<String> producing = new HashSet<>();
        // Fixed point over submodules: a CallSubmodule leads to the target if the submodule does.
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String name : allModules(library, moduleNames)) {
                Module m = library.module(name);
                Set<String> reach = reachable(m, target, producing, true);
                if (!reach.isEmpty() && producing.add(name)) {
                    changed = true;
                }
                leading.put(name, reach);
                unguarded.put(name, reachable(m, target, producing, false));
            }
        }
        return new Steering(target, Map.copyOf(leading), Map.copyOf(unguarded));
    }

    private static Set<String> allModules(ModuleLibrary library, Iterable<String> names) {
        Set<String> all = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        names.forEach(todo::add);
        while (!todo.isEmpty()) {
            String n = todo.pop();
            Module m = library.module(n);
            if (m != null && all.add(n)) {
                m.states().values().stream().filter(s -> s.submodule() != null).forEach(s -> todo.add(s.submodule()));
            }
        }
        return all;
    }

    /** The states from which an onset of {@code target} can be reached; through Guards only if {@code throughGuards}. */
    private static Set<String> reachable(Module m, Code target, Set<String> producingModules, boolean throughGuards) {
        Map<String, Set<String>> predecessors = new HashMap<>();
        Deque<String> todo = new ArrayDeque<>();
        for (State s : m.states().values()) {
            for (String t : s.targets()) {
                predecessors.computeIfAbsent(t, k -> new HashSet<>()).add(s.name);
            }
            boolean produces = (s.onsetCode() != null && s.onsetCode().sameConcept(target))
                    || (s.submodule() != null && producingModules.contains(s.submodule()));
            if (produces) {
                todo.add(s.name);
            }
        }
        Set<String> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            for (String p : predecessors.getOrDefault(todo.pop(), Set.of())) {
                if ((throughGuards || !(m.states().get(p) instanceof ControlStates.Guard)) && seen.add(p)) {
                    todo.add(p);
                }
            }
        }
        return seen;
    }

    boolean canProduce() {
        return leading.values().stream().anyMatch(s -> !s.isEmpty());
    }

    View view(String module, Person person) {
        if (target == null || person.activeConditions.containsKey(target.key()) || person.steeringDone) {
            return View.OFF;
        }
        Set<String> states = leading.getOrDefault(module, Set.of());
        return states.isEmpty() ? View.OFF : new View(states, unguarded.getOrDefault(module, Set.of()));
    }

    Code target() {
        return target;
    }

    /** What a transition sees of steering in one module at one moment. */
    record View(Set<String> leadingStates, Set<String> unguardedStates) {
        static final View OFF = new View(null, null);

        boolean active() {
            return leadingStates != null;
        }

        boolean leadsToTarget(String state) {
            return leadingStates != null && leadingStates.contains(state);
        }

        /** Leads to the target without waiting at a Guard on the way. */
        boolean leadsWithoutGuard(String state) {
            return unguardedStates != null && unguardedStates.contains(state);
        }
    }
}
