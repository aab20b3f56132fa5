package io.synthfhir.engine;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.PatientSeeds;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Condition;
import io.synthfhir.model.ConditionCategory;
import io.synthfhir.model.Demographics;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Medication;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Procedure;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lives one patient's life: birth to the reference date (or death) in weekly steps, the lifecycle then every module at
 * each step; then keeps the requested window of history. A pure function of (spec, index) and the loaded modules.
 */
final class Simulator {
    static final Duration STEP = Duration.ofDays(7);
    /** Attempts to produce a patient who has the steered condition and is alive within the window. */
    static final int MAX_ATTEMPTS = 40;

    private final ModuleLibrary library;
    private final LabCatalog labs;
    private final Population population;
    private final Lifecycle lifecycle = new Lifecycle();

    Simulator(ModuleLibrary library, LabCatalog labs, Population population) {
        this.library = library;
        this.labs = labs;
        this.population = population;
    }

    /** The outcome of one patient: the record and how many lives were simulated to get it (steering's cost). */
    record Result(PatientRecord record, int attempts) {}

    Result simulate(CohortSpec spec, long index, List<Module> modules, Steering steering, String patientId) {
        Result fallback = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            SplittableRandom random = PatientSeeds.forPatient(spec.seed() + attempt * 0x632BE59BD9B4E019L, index);
            PatientRecord record = live(spec, random, modules, steering, patientId);
            // A patient who died before the history window would be an empty shell: live again instead.
            boolean alive = record.deathTime() == null
                    || record.deathTime()
                            .isAfter(spec.referenceDate()
                                    .minusYears(spec.years())
                                    .atStartOfDay(ZoneOffset.UTC)
                                    .toInstant());
            boolean steered = spec.condition() == null || record.hasCondition(spec.condition());
            if (alive && steered) {
                return new Result(record, attempt + 1);
            }
            if (fallback == null && alive) {
                fallback = new Result(record, attempt + 1);
            }
        }
        if (spec.condition() != null) {
            throw new SteeringException(spec.condition());
        }
        return fallback != null ? new Result(fallback.record(), MAX_ATTEMPTS) : null;
    }

    private PatientRecord live(
            CohortSpec spec, SplittableRandom random, List<Module> modules, Steering steering, String id) {
        LocalDate reference = spec.referenceDate();
        Instant end = reference.atStartOfDay(ZoneOffset.UTC).toInstant();
        AdministrativeSex sex = spec.gender() != null
                ? spec.gender()
                : random.nextDouble() < population.maleShare ? AdministrativeSex.MALE : AdministrativeSex.FEMALE;
        double age = population.age(random, spec.minAge(), spec.maxAge());
        LocalDate birth = reference.minusDays((long) Math.floor(age * 365.25));
        if (birth.isAfter(reference)) {
            birth = reference;
        }
        Person p = new Person(random, birth, sex, steering);
        p.body = Lifecycle.body(p);
        Demographics demographics = demographics(p);
        p.synthea = SyntheaAttributes.atBirth(p);
        JsonNode town = population.town(random);
        p.attributes.put("state", SyntheaAttributes.stateName(town.path("state").asText()));
        demographics = new Demographics(
                demographics.givenName(),
                demographics.familyName(),
                sex,
                birth,
                demographics.race(),
                demographics.ethnicity(),
                population.address(random, town));
        var provider = population.provider(random, town);
        ModuleRunner runner = new ModuleRunner(library, labs, steering);
        Instant previous = p.birth().minus(STEP);
        for (Instant t = p.birth(); t.isBefore(end) && p.alive(t); t = t.plus(STEP)) {
            lifecycle.step(p, t, previous);
            previous = t;
            if (!p.alive(t)) {
                break;
            }
            for (Module m : modules) {
                runner.step(m, p, t);
                if (!p.alive(t)) {
                    break;
                }
            }
            closeWellness(p);
        }
        Instant windowStart =
                reference.minusYears(spec.years()).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant death = p.deathTime != null && p.deathTime.isBefore(end) ? p.deathTime : null;
        return new PatientRecord(id, demographics, provider, death, window(p, windowStart, end));
    }

    private Demographics demographics(Person p) {
        boolean male = p.sex == AdministrativeSex.MALE;
        var race = population.race(p.random);
        var ethnicity = population.ethnicity(p.random);
        String ses = population.socioeconomic(p.random);
        p.attributes.put("gender", male ? "M" : "F");
        p.attributes.put("race", race.name().toLowerCase(java.util.Locale.ROOT));
        p.attributes.put("ethnicity", ethnicity == io.synthfhir.model.Ethnicity.HISPANIC ? "hispanic" : "nonhispanic");
        p.attributes.put("socioeconomic_category", ses);
        p.attributes.put("smoker", p.random.nextDouble() < population.adultSmokerShare);
        return new Demographics(
                population.given(p.random, male),
                population.family(p.random),
                p.sex,
                p.birthDate,
                race,
                ethnicity,
                null);
    }

    private static void closeWellness(Person p) {
        if (p.wellness != null) {
            p.currentEncounter.values().removeIf(e -> e == p.wellness);
            p.wellness = null;
        }
    }

    /**
     * The encounters inside [windowStart, end), each closed at its last event; conditions still active when the
     * window opens are carried onto its first encounter as problem-list items, and active medications as renewals.
     */
    static List<Encounter> window(Person p, Instant windowStart, Instant end) {
        List<Encounter> all = new ArrayList<>();
        for (Encounter.Builder b : p.encounters) {
            all.add(close(b, p.deathTime));
        }
        all.sort(java.util.Comparator.comparing(Encounter::start));
        List<Encounter> kept = new ArrayList<>();
        List<Condition> carriedConditions = new ArrayList<>();
        List<Medication> carriedMedications = new ArrayList<>();
        for (Encounter e : all) {
            if (e.start().isBefore(windowStart)) {
                for (Condition c : e.conditions()) {
                    if (c.abatement() == null || c.abatement().isAfter(windowStart)) {
                        carriedConditions.add(
                                new Condition(c.code(), c.onset(), c.abatement(), ConditionCategory.PROBLEM_LIST_ITEM));
                    }
                }
                for (Medication m : e.medications()) {
                    if (m.end() == null || m.end().isAfter(windowStart)) {
                        carriedMedications.add(m);
                    }
                }
            } else if (e.start().isBefore(end)) {
                kept.add(e);
            }
        }
        if (!kept.isEmpty() && (!carriedConditions.isEmpty() || !carriedMedications.isEmpty())) {
            Encounter.Builder first = kept.get(0).toBuilder();
            first.conditions.addAll(0, carriedConditions);
            for (Medication m : carriedMedications) {
                if (m.end() == null || m.end().isAfter(first.start())) {
                    first.medications.add(new Medication(m.code(), first.start(), m.end(), m.reason(), m.dosage()));
                }
            }
            kept.set(0, first.build());
        }
        return kept;
    }

    private static Encounter close(Encounter.Builder b, Instant death) {
        Instant last = b.start().plus(Duration.ofMinutes(15));
        for (var o : b.observations) {
            last = later(last, o.effective());
        }
        for (var pr : b.procedures) {
            last = later(last, pr.end());
        }
        for (var c : b.conditions) {
            last = later(last, c.onset());
        }
        for (var m : b.medications) {
            last = later(last, m.authoredOn());
        }
        for (var i : b.immunizations) {
            last = later(last, i.date());
        }
        Instant end = b.end() == null || b.end().isBefore(last) ? last : b.end();
        if (death != null && end.isAfter(death)) {
            end = death.isAfter(b.start()) ? death : b.start();
            // A procedure under way when the patient dies (childbirth, surgery) ends with the encounter, at death.
            Instant stop = end;
            b.procedures.replaceAll(pr -> pr.end().isAfter(stop)
                    ? new Procedure(pr.code(), pr.start(), later(pr.start(), stop), pr.reason())
                    : pr);
        }
        return b.end(end).build();
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
