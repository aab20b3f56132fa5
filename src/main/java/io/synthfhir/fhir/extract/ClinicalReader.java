package io.synthfhir.fhir.extract;

import io.synthfhir.fhir.UsCore;
import io.synthfhir.model.Allergy;
import io.synthfhir.model.AllergyCategory;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.ConditionCategory;
import io.synthfhir.model.Immunization;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/** Condition, Procedure, Immunization and AllergyIntolerance. */
final class ClinicalReader {
    private ClinicalReader() {}

    static Part condition(Set<String> keys, org.hl7.fhir.r4.model.Condition c, Tally tally) {
        String verification = Concepts.codeIn(c.getVerificationStatus(), UsCore.CONDITION_VERIFICATION);
        if ("entered-in-error".equals(verification) || "refuted".equals(verification)) {
            tally.skip("Condition", "verificationStatus " + verification);
            return null;
        }
        Code code = Concepts.code(c.getCode());
        if (code == null) {
            tally.skip("Condition", "no coded code");
            return null;
        }
        Instant onset = Times.start(c.getOnset());
        Instant recorded = Times.instant(c.getRecordedDateElement());
        if (onset == null) {
            onset = recorded;
            if (onset == null) {
                tally.skip("Condition", "no onset date-time or period and no recordedDate");
                return null;
            }
            tally.adjust("Condition: onset taken from recordedDate");
        }
        Instant abatement = Times.end(c.getAbatement());
        String clinical = Concepts.codeIn(c.getClinicalStatus(), UsCore.CONDITION_CLINICAL);
        if (abatement == null && ("resolved".equals(clinical) || "inactive".equals(clinical))) {
            tally.adjust("Condition: " + clinical + " without an abatement date, kept as active");
        }
        ConditionCategory category = ConditionCategory.ENCOUNTER_DIAGNOSIS;
        for (CodeableConcept cc : c.getCategory()) {
            String k = Concepts.codeIn(cc, UsCore.CONDITION_CATEGORY);
            String usCore = Concepts.codeIn(cc, UsCore.US_CORE_CONDITION_CATEGORY);
            if ("problem-list-item".equals(k) || "health-concern".equals(usCore)) {
                category = ConditionCategory.PROBLEM_LIST_ITEM;
                break;
            }
        }
        String patient = Refs.of(c.getSubject());
        return new Events.ConditionPart(
                keys,
                patient,
                Refs.of(c.getEncounter()),
                new Condition(code, onset, abatement, category),
                recorded != null ? recorded : onset);
    }

    static Part procedure(Set<String> keys, Procedure p, Tally tally) {
        if (p.hasStatus()) {
            switch (p.getStatus()) {
                case NOTDONE, ENTEREDINERROR, PREPARATION -> {
                    tally.skip("Procedure", "status " + p.getStatus().toCode());
                    return null;
                }
                default -> {}
            }
        }
        Code code = Concepts.code(p.getCode());
        if (code == null) {
            tally.skip("Procedure", "no coded code");
            return null;
        }
        Instant start = Times.start(p.getPerformed());
        if (start == null) {
            tally.skip("Procedure", "no performed date-time or period");
            return null;
        }
        Instant end = Times.end(p.getPerformed());
        if (end.isBefore(start)) {
            tally.adjust("Procedure: performed period ends before it starts, end taken as the start");
            end = start;
        }
        return new Events.ProcedurePart(
                keys,
                Refs.of(p.getSubject()),
                Refs.of(p.getEncounter()),
                code,
                start,
                end,
                reasonCode(p, p.getReasonCode(), p.getReasonReference()),
                reasonRef(p, p.getReasonReference()));
    }

    static Part immunization(Set<String> keys, org.hl7.fhir.r4.model.Immunization i, Tally tally) {
        if (i.hasStatus() && i.getStatus() != org.hl7.fhir.r4.model.Immunization.ImmunizationStatus.COMPLETED) {
            tally.skip("Immunization", "status " + i.getStatus().toCode() + ": no dose was given");
            return null;
        }
        Code code = Concepts.code(i.getVaccineCode());
        if (code == null) {
            tally.skip("Immunization", "no coded vaccineCode");
            return null;
        }
        Instant date = Times.start(i.getOccurrence());
        if (date == null) {
            tally.skip("Immunization", "no occurrence date-time");
            return null;
        }
        return new Events.ImmunizationPart(
                keys, Refs.of(i.getPatient()), Refs.of(i.getEncounter()), new Immunization(code, date));
    }

    static Part allergy(Set<String> keys, AllergyIntolerance a, Tally tally) {
        String verification = Concepts.codeIn(a.getVerificationStatus(), UsCore.ALLERGY_VERIFICATION);
        if ("entered-in-error".equals(verification) || "refuted".equals(verification)) {
            tally.skip("AllergyIntolerance", "verificationStatus " + verification);
            return null;
        }
        Code code = Concepts.code(a.getCode());
        if (code == null) {
            tally.skip("AllergyIntolerance", "no coded code");
            return null;
        }
        Instant onset = Times.start(a.getOnset());
        Instant recorded = Times.instant(a.getRecordedDateElement());
        if (onset == null) {
            onset = recorded;
            if (onset == null) {
                tally.skip("AllergyIntolerance", "no onset date-time or period and no recordedDate");
                return null;
            }
            tally.adjust("AllergyIntolerance: onset taken from recordedDate");
        }
        Instant abatement = null;
        Extension ext = a.getExtensionByUrl(UsCore.ALLERGY_ABATEMENT);
        if (ext != null && ext.getValue() instanceof BaseDateTimeType dateTime) {
            abatement = Times.instant(dateTime);
        } else if ("resolved".equals(Concepts.codeIn(a.getClinicalStatus(), UsCore.ALLERGY_CLINICAL))) {
            tally.adjust("AllergyIntolerance: resolved without an abatement date, kept as active");
        }
        AllergyCategory category = null;
        if (a.hasCategory() && a.getCategory().get(0).getValue() != null) {
            category = AllergyCategory.valueOf(
                    a.getCategory().get(0).getValue().toCode().toUpperCase(Locale.ROOT));
        }
        return new Events.AllergyPart(
                keys,
                Refs.of(a.getPatient()),
                Refs.of(a.getEncounter()),
                new Allergy(code, category, onset, abatement),
                recorded != null ? recorded : onset);
    }

    static Code firstCode(List<CodeableConcept> concepts) {
        for (CodeableConcept c : concepts) {
            Code code = Concepts.code(c);
            if (code != null) {
                return code;
            }
        }
        return null;
    }

    /** A reason given as a code, or by reference to a resource contained in the owner; null if neither. */
    static Code reasonCode(DomainResource owner, List<CodeableConcept> codes, List<Reference> references) {
        Code code = firstCode(codes);
        return code != null ? code : containedReason(owner, references);
    }

    /** The first reason reference to a resource outside the owner (resolved later, by the assembler), or null. */
    static String reasonRef(DomainResource owner, List<Reference> reasons) {
        for (Reference r : reasons) {
            String ref = Refs.of(r);
            if (ref != null && !Contained.isLocal(ref)) {
                return ref;
            }
        }
        return null;
    }

    private static Code containedReason(DomainResource owner, List<Reference> reasons) {
        for (Reference r : reasons) {
            Code code = Contained.code(owner, Refs.of(r));
            if (code != null) {
                return code;
            }
        }
        return null;
    }
}
