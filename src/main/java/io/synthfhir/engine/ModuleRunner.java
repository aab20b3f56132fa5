package io.synthfhir.engine;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Advances one top-level module for one person at one time step: runs states until one holds (Delay, Guard, a
 * wellness Encounter waiting for its visit) or the module ends, descending into submodules and returning from them.
 */
final class ModuleRunner {
    /** States one module may pass through in one step before it is taken to be looping. */
    private static final int MAX_STATES_PER_STEP = 500;

    private final ModuleLibrary library;
    private final LabCatalog labs;
    private final Steering steering;

    ModuleRunner(ModuleLibrary library, LabCatalog labs, Steering steering) {
        this.library = library;
        this.labs = labs;
        this.steering = steering;
    }

    /** Where a person is inside one module (or one submodule call). Per person, never shared. */
    static final class Frame {
        final Module module;
        String state;
        boolean entered;
        boolean calledSubmodule;

        Frame(Module module, String state) {
            this.module = module;
            this.state = state;
        }
    }

    void step(Module top, Person p, Instant t) {
        Deque<Frame> stack = p.frames.computeIfAbsent(top.name(), n -> {
            Deque<Frame> d = new ArrayDeque<>();
            d.push(new Frame(top, "Initial"));
            return d;
        });
        Scope scope = new Scope(top.name(), labs);
        for (int n = 0; n < MAX_STATES_PER_STEP && !stack.isEmpty() && p.alive(t); n++) {
            Frame f = stack.peek();
            try {
                if (!advance(stack, f, p, scope, t)) {
                    return;
                }
            } catch (RuntimeException e) {
                throw new ModuleRunException(f.module.name(), f.state, e);
            }
        }
    }

    /** Runs the frame's current state; false when the module holds there until the next step. */
    private boolean advance(Deque<Frame> stack, Frame f, Person p, Scope scope, Instant t) {
        State s = f.module.states().get(f.state);
        p.runningModule = f.module.name();
        if (!f.entered) {
            f.entered = true;
            p.entered(f.module.name(), s.name, t);
            s.enter(p, scope, t);
        }
        if (s.isTerminal()) {
            stack.pop();
            if (stack.isEmpty()) {
                p.endEncounter(scope.module(), t);
            }
            return true;
        }
        if (!s.process(p, scope, t)) {
            return false;
        }
        if (s.submodule() != null && !f.calledSubmodule) {
            f.calledSubmodule = true;
            stack.push(new Frame(library.module(s.submodule()), "Initial"));
            return true;
        }
        if (steering.target() != null && s.onsetCode() != null && s.onsetCode().sameConcept(steering.target())) {
            p.steeringDone = true;
        }
        String next = s.transition.next(p, t, steering.view(f.module.name(), p));
        if (next == null) {
            return false;
        }
        f.state = next;
        f.entered = false;
        f.calledSubmodule = false;
        return true;
    }
}
