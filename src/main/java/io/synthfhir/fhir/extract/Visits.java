package io.synthfhir.fhir.extract;

import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Places one patient's events in encounters, keeping the model's invariant that an event lies inside the period of
 * the encounter that holds it:
 *
 * <ol>
 *   <li>An event stays in the encounter it references when its time lies within 24 hours of that encounter's period;
 *       the period is widened to hold it. (Synthea closes an encounter before the procedures and lab results it
 *       records finish: 13,665 procedures of the shared corpus end after their encounter, median 0.9 h, 99% within
 *       2.5 h.)
 *   <li>An event further than 24 hours from its encounter (244 corpus events, up to 2.7 years away: Synthea
 *       references the encounter that ordered a medication started a week later) goes to the encounter whose period
 *       contains its time (the latest-starting one if several; a procedure running past its end widens it), and
 *       stays in (and widens) its own encounter when no other contains it: the reference is the best evidence left.
 *   <li>An event without an encounter reference, or with one that names no encounter of this patient, goes to the
 *       encounter containing its time as above, else to a visit of its own: one ambulatory visit per distinct time,
 *       of type {@link PatientAssembler#UNATTACHED}.
 * </ol>
 *
 * Every move is counted in the report. The result does not depend on the order of the resources beyond the order
 * of events inside one encounter.
 */
final class Visits {
    static final Duration OVERHANG = Duration.ofHours(24);

    private final Part.Lookup lookup;
    private final Tally tally;
    private final List<Draft> drafts = new ArrayList<>();
    private final Map<Part.EncounterPart, Draft> byPart = new IdentityHashMap<>();
    private final List<Part.Event> events = new ArrayList<>();

    Visits(Part.Lookup lookup, Tally tally) {
        this.lookup = lookup;
        this.tally = tally;
    }

    void addEncounter(Part.EncounterPart encounter) {
        Draft draft = new Draft(
                encounter,
                encounter.encounterClass(),
                encounter.encounterType(),
                encounter.start(),
                encounter.end() == null ? encounter.start() : encounter.end());
        drafts.add(draft);
        byPart.put(encounter, draft);
    }

    void addEvent(Part.Event event) {
        events.add(event);
    }

    /** Care provider references of the encounters, earliest encounter first. */
    List<String> providerRefs() {
        return drafts.stream()
                .sorted(Comparator.comparing(d -> d.start))
                .flatMap(d -> d.part.providerRefs().stream())
                .toList();
    }

    List<Encounter> build() {
        List<Part.Event> unplaced = new ArrayList<>();
        List<Part.Placeable> unplacedEvents = new ArrayList<>();
        List<Draft> farReferenced = new ArrayList<>();
        for (Part.Event event : events) {
            Part.Placeable placeable = event.resolve(lookup, tally);
            if (placeable == null) {
                continue;
            }
            Draft referenced = referenced(event);
            if (referenced != null && referenced.admits(event)) {
                referenced.add(event, placeable, tally);
            } else {
                unplaced.add(event);
                unplacedEvents.add(placeable);
                farReferenced.add(referenced);
            }
        }
        Map<Instant, Draft> own = new TreeMap<>();
        for (int i = 0; i < unplaced.size(); i++) {
            Part.Event event = unplaced.get(i);
            Draft home = containing(event.start());
            if (home != null) {
                tally.adjust(event.type() + ": placed in the encounter containing its time");
            } else if (farReferenced.get(i) != null) {
                home = farReferenced.get(i);
                tally.adjust(event.type() + ": more than 24 h outside its encounter and inside no other, kept there");
            } else {
                home = own.computeIfAbsent(event.start(), t -> {
                    tally.adjust("Visit created for events that no encounter holds");
                    return new Draft(null, EncounterClass.AMBULATORY, PatientAssembler.UNATTACHED, t, t);
                });
            }
            home.add(event, unplacedEvents.get(i), tally);
        }
        List<Encounter> encounters = new ArrayList<>(drafts.size() + own.size());
        for (Draft d : drafts) {
            tally.mapped("Encounter");
            encounters.add(d.build(reason(d.part)));
        }
        for (Draft d : own.values()) {
            encounters.add(d.build(null));
        }
        return encounters;
    }

    private Code reason(Part.EncounterPart part) {
        if (part.reasonCode() != null) {
            return part.reasonCode();
        }
        Code code = lookup.codeOf(part.reasonRef());
        if (code == null && part.reasonRef() != null) {
            tally.adjust("Encounter: reasonReference not found, kept without a reason");
        }
        return code;
    }

    /** The encounter of this patient the event references, or null (counted). */
    private Draft referenced(Part.Event event) {
        if (event.encounterRef() == null) {
            tally.adjust(event.type() + ": no encounter reference, placed by time");
            return null;
        }
        Draft draft = lookup.find(event.encounterRef(), "Encounter") instanceof Part.EncounterPart part
                ? byPart.get(part)
                : null;
        if (draft == null) {
            tally.adjust(event.type() + ": encounter reference names no encounter of the patient, placed by time");
        }
        return draft;
    }

    private Draft containing(Instant t) {
        Draft best = null;
        for (Draft d : drafts) {
            if (d.start.isAfter(t) || d.end.isBefore(t)) {
                continue;
            }
            if (best == null
                    || d.start.isAfter(best.start)
                    || (d.start.equals(best.start) && d.end.isBefore(best.end))) {
                best = d;
            }
        }
        return best;
    }

    /** An encounter while its events are being placed: its period grows to hold them. */
    private static final class Draft {
        final Part.EncounterPart part;
        final EncounterClass encounterClass;
        final Code type;
        final Instant originalStart;
        final Instant originalEnd;
        Instant start;
        Instant end;
        final List<Part.Placeable> events = new ArrayList<>();

        Draft(Part.EncounterPart part, EncounterClass encounterClass, Code type, Instant start, Instant end) {
            this.part = part;
            this.encounterClass = encounterClass;
            this.type = type;
            this.originalStart = start;
            this.originalEnd = end;
            this.start = start;
            this.end = end;
        }

        /** Whether the event lies within {@link #OVERHANG} of the encounter's period as the source gave it. */
        boolean admits(Part.Event event) {
            return !event.start().isBefore(originalStart.minus(OVERHANG))
                    && !event.end().isAfter(originalEnd.plus(OVERHANG));
        }

        void add(Part.Event event, Part.Placeable placeable, Tally tally) {
            boolean widened = false;
            if (event.start().isBefore(start)) {
                start = event.start();
                widened = true;
            }
            if (event.end().isAfter(end)) {
                end = event.end();
                widened = true;
            }
            if (widened && part != null) {
                tally.adjust("Encounter: period widened to hold a " + event.type());
            }
            tally.mapped(event.type());
            events.add(placeable);
        }

        Encounter build(Code reason) {
            Encounter.Builder b =
                    Encounter.builder(encounterClass, type, start).end(end).reason(reason);
            events.forEach(e -> e.addTo(b));
            return b.build();
        }
    }
}
