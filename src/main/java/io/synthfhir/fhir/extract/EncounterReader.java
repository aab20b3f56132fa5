package io.synthfhir.fhir.extract;

import io.synthfhir.fhir.UsCore;
import io.synthfhir.model.Code;
import io.synthfhir.model.EncounterClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;

/** Encounter: class (with our setting where the mapper wrote one), type, period, reason, care provider refs. */
final class EncounterReader {
    private EncounterReader() {}

    static Part encounter(Set<String> keys, Encounter e, Tally tally) {
        if (e.hasStatus()) {
            switch (e.getStatus()) {
                case CANCELLED, ENTEREDINERROR, PLANNED -> {
                    tally.skip("Encounter", "status " + e.getStatus().toCode() + ": the visit did not take place");
                    return null;
                }
                default -> {}
            }
        }
        String patient = Refs.of(e.getSubject());
        if (patient == null) {
            tally.skip("Encounter", "no subject reference");
            return null;
        }
        Instant start = Times.instant(e.getPeriod().getStartElement());
        Instant end = Times.instant(e.getPeriod().getEndElement());
        if (start == null) {
            if (end == null) {
                tally.skip("Encounter", "no period start");
                return null;
            }
            tally.adjust("Encounter: period without a start, taken to start at its end");
            start = end;
        }
        if (end != null && end.isBefore(start)) {
            tally.adjust("Encounter: period ends before it starts, end taken as the start");
            end = start;
        }
        EncounterClass encounterClass = encounterClass(e, tally);
        Code type = null;
        for (CodeableConcept t : e.getType()) {
            type = Concepts.code(t);
            if (type != null) {
                break;
            }
        }
        if (type == null) {
            tally.adjust("Encounter: no coded type, its class taken as the type");
            Coding c = e.getClass_();
            type = new Code(
                    UsCore.ACT_CODE,
                    c.hasCode() ? c.getCode() : encounterClass.actCode(),
                    c.hasDisplay() ? c.getDisplay() : encounterClass.display());
        }
        Code reasonCode = null;
        for (CodeableConcept r : e.getReasonCode()) {
            reasonCode = Concepts.code(r);
            if (reasonCode != null) {
                break;
            }
        }
        String reasonRef = e.hasReasonReference() ? Refs.of(e.getReasonReferenceFirstRep()) : null;
        List<String> providers = new ArrayList<>();
        add(providers, Refs.of(e.getServiceProvider()));
        for (Encounter.EncounterParticipantComponent participant : e.getParticipant()) {
            add(providers, Refs.of(participant.getIndividual()));
        }
        return new Part.EncounterPart(
                keys, patient, encounterClass, type, start, end, reasonCode, reasonRef, providers);
    }

    private static void add(List<String> refs, String ref) {
        if (ref != null) {
            refs.add(ref);
        }
    }

    /**
     * Our own setting code (serviceType) when present; else the v3 ActCode class. Codes the model has no class for
     * are mapped to the nearest one and counted.
     */
    static EncounterClass encounterClass(Encounter e, Tally tally) {
        String setting = Concepts.codeIn(e.getServiceType(), UsCore.ENCOUNTER_SETTING);
        if (setting != null) {
            try {
                return EncounterClass.parse(setting);
            } catch (IllegalArgumentException unknown) {
                tally.adjust("Encounter: unknown SynthFHIR encounter setting, class taken from Encounter.class");
            }
        }
        String act = e.getClass_().hasCode() ? e.getClass_().getCode().toUpperCase(Locale.ROOT) : "";
        switch (act) {
            case "AMB":
                return EncounterClass.AMBULATORY;
            case "EMER":
                return EncounterClass.EMERGENCY;
            case "IMP", "ACUTE", "NONAC":
                return EncounterClass.INPATIENT;
            case "HH":
                return EncounterClass.HOME;
            case "VR":
                return EncounterClass.VIRTUAL;
            case "OBSENC", "SS", "PRENC":
                tally.adjust("Encounter: class " + act + " taken as outpatient");
                return EncounterClass.OUTPATIENT;
            case "FLD":
                tally.adjust("Encounter: class FLD taken as ambulatory");
                return EncounterClass.AMBULATORY;
            default:
                tally.adjust("Encounter: class missing or not v3 ActCode, taken as ambulatory");
                return EncounterClass.AMBULATORY;
        }
    }
}
