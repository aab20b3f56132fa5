package io.synthfhir.engine;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * The per-patient state of one simulation: everything that changes while modules run. Shared rule definitions
 * (modules, states, transitions) never hold per-patient data; they read and write it here.
 */
final class Person {
    final SplittableRandom random;
    final LocalDate birthDate;
    final AdministrativeSex sex;
    final Map<String, Object> attributes = new HashMap<>();
    private final double[] vitals = new double[Vital.values().length];
    final Map<String, Double> symptoms = new HashMap<>();
    final List<Encounter.Builder> encounters = new ArrayList<>();
    final Map<String, Tracked> activeConditions = new HashMap<>();
    final Map<String, Tracked> activeMedications = new HashMap<>();
    final Map<String, Tracked> activeAllergies = new HashMap<>();
    final Set<String> activeCarePlans = new HashSet<>();
    final Set<String> activeDevices = new HashSet<>();
    /** What a state recorded, by module and state name, for ConditionEnd/MedicationEnd/CarePlanEnd references. */
    final Map<String, Code> recordedByState = new HashMap<>();

    final Map<String, Object> lastObservation = new HashMap<>();
    /** Per module (keyed by module name): when each state was last entered, for PriorState. */
    final Map<String, Map<String, Instant>> history = new HashMap<>();
    /** The encounter each module is inside, if any. */
    final Map<String, Encounter.Builder> currentEncounter = new HashMap<>();
    /** Events a module produced outside any encounter, recorded at that module's next encounter. */
    final Map<String, List<Consumer<Encounter.Builder>>> pending = new HashMap<>();

    Encounter.Builder wellness;
    Lifecycle.Body body;
    SyntheaAttributes.Baseline synthea;
    /** Where the person is in each top-level module: a stack of submodule calls. */
    final Map<String, java.util.Deque<ModuleRunner.Frame>> frames = new HashMap<>();
    /** Set once the steered condition has been diagnosed, so steering stops even if it later resolves. */
    boolean steeringDone;
    /** The module whose states are running now (PriorState looks in its history). */
    String runningModule = "";
    /** Per-visit state data (e.g. when a Delay ends), keyed by top-level module and state. */
    final Map<StateKey, Object> stateData = new HashMap<>();

    /** A state as run from one top-level module (a submodule's state may run under several). */
    record StateKey(String module, State state) {}

    Instant deathTime;
    final Steering steering;

    Person(SplittableRandom random, LocalDate birthDate, AdministrativeSex sex, Steering steering) {
        this.random = random;
        this.birthDate = birthDate;
        this.sex = sex;
        this.steering = steering;
        java.util.Arrays.fill(vitals, Double.NaN);
    }

    /** A condition, medication or allergy recorded in an encounter and possibly ended later. */
    record Tracked(Code code, Encounter.Builder encounter, int index) {}

    boolean alive(Instant t) {
        return deathTime == null || t.isBefore(deathTime);
    }

    /**
     * Age in years: whole years and months as fractions, as {@link Period#between} counts them, computed from the
     * calendar fields (this runs at every step of every life), and cached for the last two times.
     */
    double ageInYears(Instant t) {
        if (t.equals(ageTime)) {
            return age;
        }
        if (t.equals(previousAgeTime)) {
            return previousAge;
        }
        previousAgeTime = ageTime;
        previousAge = age;
        ageTime = t;
        age = yearsBetween(birthDate, LocalDate.ofInstant(t, ZoneOffset.UTC));
        return age;
    }

    static double yearsBetween(LocalDate birth, LocalDate day) {
        if (day.isBefore(birth)) {
            Period p = Period.between(birth, day);
            return p.getYears() + p.getMonths() / 12.0 + p.getDays() / 365.25;
        }
        long months = (day.getYear() * 12L + day.getMonthValue()) - (birth.getYear() * 12L + birth.getMonthValue());
        int days = day.getDayOfMonth() - birth.getDayOfMonth();
        if (months > 0 && days < 0) {
            months--;
            java.time.YearMonth before = java.time.YearMonth.from(day).minusMonths(1);
            int length = before.lengthOfMonth();
            days = length - Math.min(birth.getDayOfMonth(), length) + day.getDayOfMonth();
        }
        return months / 12 + (months % 12) / 12.0 + days / 365.25;
    }

    private Instant ageTime;
    private double age;
    private Instant previousAgeTime;
    private double previousAge;

    Instant birth() {
        return birthDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The vital's current value; NaN until something has set it. */
    double vital(Vital v) {
        return vitals[v.ordinal()];
    }

    void setVital(Vital v, double value) {
        vitals[v.ordinal()] = value;
    }

    static String normal(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    Object attribute(String name) {
        return attributes.get(name);
    }

    /** Starts an encounter owned by {@code module} and flushes what the module had waiting for one. */
    Encounter.Builder startEncounter(String module, EncounterClass cls, Code type, Instant start, Code reason) {
        Encounter.Builder builder = Encounter.builder(cls, type, start).reason(reason);
        encounters.add(builder);
        currentEncounter.put(module, builder);
        flushPending(module, builder);
        return builder;
    }

    void flushPending(String module, Encounter.Builder builder) {
        List<Consumer<Encounter.Builder>> waiting = pending.remove(module);
        if (waiting != null) {
            waiting.forEach(action -> action.accept(builder));
        }
    }

    /** Records an event in the module's encounter (or the wellness visit under way), or keeps it for the next one. */
    void record(String module, Consumer<Encounter.Builder> action) {
        Encounter.Builder encounter = currentEncounter.get(module);
        if (encounter == null) {
            encounter = wellness;
        }
        if (encounter != null) {
            action.accept(encounter);
        } else {
            pending.computeIfAbsent(module, m -> new ArrayList<>()).add(action);
        }
    }

    void endEncounter(String module, Instant end) {
        Encounter.Builder encounter = currentEncounter.remove(module);
        if (encounter != null && encounter != wellness) {
            Instant minimum = encounter.start().plus(Duration.ofMinutes(15));
            encounter.end(end.isAfter(minimum) ? end : minimum);
        }
    }

    Instant lastEntered(String state) {
        Map<String, Instant> h = history.get(runningModule);
        return h == null ? null : h.get(state);
    }

    static Set<String> conditionsOf(Person p) {
        return p.activeConditions.keySet();
    }

    static Set<String> medicationsOf(Person p) {
        return p.activeMedications.keySet();
    }

    static Set<String> allergiesOf(Person p) {
        return p.activeAllergies.keySet();
    }

    static Set<String> carePlansOf(Person p) {
        return p.activeCarePlans;
    }

    void entered(String module, String state, Instant t) {
        history.computeIfAbsent(module, m -> new HashMap<>()).put(state, t);
    }
}
