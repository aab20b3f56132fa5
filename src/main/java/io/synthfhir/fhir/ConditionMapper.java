package io.synthfhir.fhir;

import io.synthfhir.model.Condition;
import io.synthfhir.model.ConditionCategory;
import io.synthfhir.model.Encounter;

/**
 * Condition: an encounter's diagnosis (us-core-condition-encounter-diagnosis) or a problem-list item
 * (us-core-condition-problems-health-concerns). Clinical status follows abatement relative to the reference instant.
 */
final class ConditionMapper {
    private ConditionMapper() {}

    static org.hl7.fhir.r4.model.Condition map(
            MappingContext ctx, Condition c, String id, String encounterId, Encounter encounter) {
        boolean problem = c.category() == ConditionCategory.PROBLEM_LIST_ITEM;
        org.hl7.fhir.r4.model.Condition condition = ctx.mark(
                new org.hl7.fhir.r4.model.Condition(), problem ? UsCore.CONDITION_PROBLEM : UsCore.CONDITION_ENCOUNTER);
        condition.setId(id);
        boolean resolved = c.abatement() != null && !c.abatement().isAfter(ctx.reference());
        condition.setClinicalStatus(Codes.concept(
                UsCore.CONDITION_CLINICAL, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active"));
        condition.setVerificationStatus(Codes.concept(UsCore.CONDITION_VERIFICATION, "confirmed", "Confirmed"));
        condition.addCategory(
                problem
                        ? Codes.concept(UsCore.CONDITION_CATEGORY, "problem-list-item", "Problem List Item")
                        : Codes.concept(UsCore.CONDITION_CATEGORY, "encounter-diagnosis", "Encounter Diagnosis"));
        condition.setCode(Codes.concept(c.code()));
        condition.setSubject(ctx.patientReference());
        condition.setEncounter(MappingContext.reference(encounterId));
        condition.setOnset(MappingContext.dateTime(c.onset()));
        if (resolved) {
            condition.setAbatement(MappingContext.dateTime(c.abatement()));
        }
        // Recorded during the encounter that holds it, even when its onset is earlier (a problem-list item carried
        // onto the first visit of the window): extraction places the condition by this date.
        condition.setRecordedDateElement(MappingContext.dateTime(MappingContext.within(c.onset(), encounter)));
        return condition;
    }
}
