package io.synthfhir.gan;

import io.synthfhir.engine.LabCatalog;
import io.synthfhir.model.Allergy;
import io.synthfhir.model.AllergyCategory;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.ConditionCategory;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Immunization;
import io.synthfhir.model.Medication;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.Procedure;
import io.synthfhir.model.Quantity;
import io.synthfhir.model.ReferenceRange;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns generated visits into domain encounters that are valid by construction: every event inside its encounter,
 * nothing after the reference date or the death, every medication with an indication among the patient's conditions
 * (the condition it most often treated in training; when the patient has none of those, that condition is diagnosed
 * at the visit), values clamped to observed and physiological limits, laboratory results with a reference range (the
 * catalogued one for the test and sex, else the training population's central 95%) and its interpretation.
 */
final class RecordDecoder {
    /** A visit type whose training visits had no duration lasts this long. */
    static final long DEFAULT_VISIT_SECONDS = 15 * 60;

    private final Encoding encoding;
    private final Layout layout;
    private final LabCatalog catalog;

    RecordDecoder(Encoding encoding, Layout layout, LabCatalog catalog) {
        this.encoding = encoding;
        this.layout = layout;
        this.catalog = catalog;
    }

    /** Decoded encounters (time order) and the death time (null when alive at {@code until}). */
    record Decoded(List<Encounter> encounters, Instant death) {}

    Decoded decode(List<SampledVisit> visits, boolean died, boolean male, Instant until, SplittableRandom random) {
        List<Encounter> encounters = new ArrayList<>();
        Map<String, Code> conditions = new LinkedHashMap<>();
        Instant lastEnd = null;
        for (SampledVisit v : visits) {
            Encounter e = encounter(v, male, until, conditions, random);
            encounters.add(e);
            lastEnd = e.end();
        }
        Instant death = died ? (lastEnd == null ? null : lastEnd) : null;
        if (death != null) {
            encounters = stopAtDeath(encounters, death);
        }
        return new Decoded(encounters, death);
    }

    /**
     * The hybrid's fill: decodes visits drawn onto a scaffold's encounters (same count and order), keeping each
     * scaffold encounter's class, type, period and reason, and, when asked, its conditions (which then count as the
     * patient's for indications, and replace the model's drawing of the same code). Events stay inside the scaffold's
     * periods.
     */
    List<Encounter> fill(
            List<SampledVisit> visits,
            List<Encounter> scaffold,
            boolean keepConditions,
            boolean male,
            Instant until,
            SplittableRandom random) {
        List<Encounter> out = new ArrayList<>(visits.size());
        Map<String, Code> conditions = new LinkedHashMap<>();
        for (int i = 0; i < visits.size(); i++) {
            Encounter s = scaffold.get(i);
            java.util.Set<String> kept = new java.util.HashSet<>();
            if (keepConditions) {
                for (Condition c : s.conditions()) {
                    conditions.putIfAbsent(c.code().key(), c.code());
                    kept.add(c.code().key());
                }
            }
            Encounter e = encounter(visits.get(i), male, until, conditions, random);
            Instant end = s.end().isBefore(s.start()) ? s.start() : s.end();
            Encounter.Builder b = Encounter.builder(s.encounterClass(), s.type(), s.start())
                    .end(end)
                    .reason(s.reason() != null ? s.reason() : e.reason());
            if (keepConditions) {
                b.conditions.addAll(s.conditions());
            }
            e.conditions().stream().filter(c -> !kept.contains(c.code().key())).forEach(b.conditions::add);
            b.medications.addAll(e.medications());
            b.observations.addAll(e.observations());
            for (Procedure p : e.procedures()) {
                b.procedures.add(new Procedure(p.code(), p.start(), p.end().isAfter(end) ? end : p.end(), p.reason()));
            }
            b.immunizations.addAll(e.immunizations());
            b.allergies.addAll(e.allergies());
            out.add(b.build());
        }
        return out;
    }

    private Encounter encounter(
            SampledVisit v, boolean male, Instant until, Map<String, Code> conditions, SplittableRandom random) {
        VisitTypes.VisitType type = encoding.visitTypes().get(v.type());
        EventStatistics.Timing visitTiming = encoding.events().visitTypes().get(v.type());
        Instant start = v.start();
        long seconds = visitTiming.sampleSeconds(random);
        Instant end = start.plusSeconds(seconds < 0 ? DEFAULT_VISIT_SECONDS : seconds);
        Encounter.Builder b = Encounter.builder(type.encounterClass(), type.type(), start);
        Vocabulary vocabulary = encoding.vocabulary();
        List<Code> diagnosedHere = new ArrayList<>();
        for (int t : v.tokens()) {
            Token token = vocabulary.token(t);
            if (token.kind() == TokenKind.CONDITION) {
                b.conditions.add(condition(token, encoding.events().tokens().get(t), start, until, random));
                conditions.putIfAbsent(token.code().key(), token.code());
                diagnosedHere.add(token.code());
            }
        }
        for (int t : v.tokens()) {
            Token token = vocabulary.token(t);
            EventStatistics.Timing timing = encoding.events().tokens().get(t);
            switch (token.kind()) {
                case MEDICATION -> {
                    Code reason = indication(timing, conditions);
                    if (reason == null && !timing.reasons().isEmpty() && timing.reasonShare() >= 0.5) {
                        reason = timing.reasons().get(0).code();
                        b.conditions.add(new Condition(reason, start));
                        conditions.putIfAbsent(reason.key(), reason);
                    }
                    if (reason == null && !conditions.isEmpty()) {
                        reason = last(conditions);
                    }
                    long d = timing.sampleSeconds(random);
                    Instant stop = d < 0 ? null : start.plusSeconds(d);
                    b.medications.add(new Medication(
                            token.code(), start, stop != null && stop.isBefore(until) ? stop : null, reason, null));
                }
                case PROCEDURE -> {
                    long d = Math.max(0, timing.sampleSeconds(random));
                    Instant stop = start.plusSeconds(d);
                    stop = stop.isAfter(until) ? until : stop;
                    end = stop.isAfter(end) ? stop : end;
                    Code reason = timing.reasonShare() >= 0.5 ? indication(timing, conditions) : null;
                    b.procedures.add(new Procedure(token.code(), start, stop, reason));
                }
                case IMMUNIZATION -> b.immunizations.add(new Immunization(token.code(), start));
                case ALLERGY -> b.allergies.add(new Allergy(token.code(), allergyCategory(token), start, null));
                case QUANTITY, CODED, PANEL, OBSERVATION -> {
                    Observation o = observation(token, t, v, start, male);
                    if (o != null) {
                        b.observations.add(o);
                    }
                }
                case CONDITION -> {}
            }
        }
        if (random.nextDouble() < visitTiming.reasonShare()) {
            b.reason(visitReason(visitTiming, diagnosedHere, conditions));
        }
        if (end.isAfter(until)) {
            end = until.isAfter(start) ? until : start;
        }
        return b.end(end).build();
    }

    private static Condition condition(
            Token token, EventStatistics.Timing timing, Instant onset, Instant until, SplittableRandom random) {
        long d = timing.sampleSeconds(random);
        Instant abatement = d < 0 ? null : onset.plusSeconds(d);
        if (abatement != null && !abatement.isBefore(until)) {
            abatement = null;
        }
        ConditionCategory category = token.category() == null
                ? ConditionCategory.ENCOUNTER_DIAGNOSIS
                : ConditionCategory.valueOf(token.category());
        return new Condition(token.code(), onset, abatement, category);
    }

    /** The learned reason most often given that the patient has (reasons are sorted most frequent first). */
    private static Code indication(EventStatistics.Timing timing, Map<String, Code> conditions) {
        for (EventStatistics.Reason r : timing.reasons()) {
            if (conditions.containsKey(r.code().key())) {
                return conditions.get(r.code().key());
            }
        }
        return null;
    }

    private static Code visitReason(
            EventStatistics.Timing timing, List<Code> diagnosedHere, Map<String, Code> conditions) {
        for (EventStatistics.Reason r : timing.reasons()) {
            for (Code c : diagnosedHere) {
                if (c.sameConcept(r.code())) {
                    return c;
                }
            }
        }
        return indication(timing, conditions);
    }

    private static Code last(Map<String, Code> conditions) {
        Code last = null;
        for (Code c : conditions.values()) {
            last = c;
        }
        return last;
    }

    private static AllergyCategory allergyCategory(Token token) {
        return token.category() == null ? null : AllergyCategory.valueOf(token.category());
    }

    private Observation observation(Token token, int tokenIndex, SampledVisit v, Instant at, boolean male) {
        ObservationCategory category =
                token.category() == null ? ObservationCategory.EXAM : ObservationCategory.valueOf(token.category());
        return switch (token.kind()) {
            case CODED -> Observation.coded(token.code(), category, at, token.value());
            case OBSERVATION -> new Observation(token.code(), category, at, null, null, null, null, List.of());
            case QUANTITY -> {
                int[] channels = layout.channelsOfToken(tokenIndex);
                if (channels.length == 0) {
                    yield null;
                }
                ValueChannel c = encoding.channels().get(channels[0]);
                Quantity q = new Quantity(valueOf(v, channels[0]), c.unit());
                ReferenceRange range = category == ObservationCategory.LABORATORY ? range(token.code(), c, male) : null;
                yield Observation.quantity(token.code(), category, at, q, range);
            }
            case PANEL -> {
                List<ObservationComponent> components = new ArrayList<>();
                for (int ch : layout.channelsOfToken(tokenIndex)) {
                    ValueChannel c = encoding.channels().get(ch);
                    components.add(new ObservationComponent(
                            c.component(), new Quantity(valueOf(v, ch), c.unit()), null, null));
                }
                yield components.isEmpty() ? null : Observation.panel(token.code(), category, at, components);
            }
            default -> throw new IllegalStateException(token.kind() + " is not an observation");
        };
    }

    private static double valueOf(SampledVisit v, int channel) {
        for (int i = 0; i < v.channels().length; i++) {
            if (v.channels()[i] == channel) {
                return v.values()[i];
            }
        }
        throw new IllegalStateException("visit lacks a value for channel " + channel);
    }

    /** The catalogued reference range of the test for this sex, else the training population's central 95%. */
    private ReferenceRange range(Code code, ValueChannel c, boolean male) {
        LabCatalog.Lab lab = catalog.find(code);
        if (lab != null && lab.unit().equals(c.unit())) {
            ReferenceRange r = lab.range(
                    male ? io.synthfhir.model.AdministrativeSex.MALE : io.synthfhir.model.AdministrativeSex.FEMALE);
            if (r != null) {
                return r;
            }
        }
        return new ReferenceRange(c.referenceLow(), c.referenceHigh());
    }

    /** Nothing outlives the patient: medications stop and open conditions stay open at the death. */
    private static List<Encounter> stopAtDeath(List<Encounter> encounters, Instant death) {
        List<Encounter> out = new ArrayList<>(encounters.size());
        for (Encounter e : encounters) {
            Encounter.Builder b = e.toBuilder();
            b.medications.replaceAll(m -> m.end() == null || m.end().isAfter(death) ? m.endedAt(death) : m);
            b.conditions.replaceAll(c -> c.abatement() != null && c.abatement().isAfter(death)
                    ? new Condition(c.code(), c.onset(), null, c.category())
                    : c);
            out.add(b.end(e.end().isAfter(death) ? death : e.end()).build());
        }
        return out;
    }
}
