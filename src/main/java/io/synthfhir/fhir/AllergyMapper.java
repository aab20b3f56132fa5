package io.synthfhir.fhir;

import io.synthfhir.model.Allergy;
import io.synthfhir.model.Encounter;
import org.hl7.fhir.r4.model.AllergyIntolerance;

/**
 * AllergyIntolerance (us-core-allergyintolerance): clinical and verification status, category, code, onset, and
 * when resolved the date, in the HL7 extensions pack's abatement extension (R4 has no element for it).
 */
final class AllergyMapper {
    private AllergyMapper() {}

    static AllergyIntolerance map(MappingContext ctx, Allergy a, String id, String encounterId, Encounter encounter) {
        AllergyIntolerance allergy = ctx.mark(new AllergyIntolerance(), UsCore.ALLERGY);
        allergy.setId(id);
        boolean resolved = a.abatement() != null && !a.abatement().isAfter(ctx.reference());
        allergy.setClinicalStatus(Codes.concept(
                UsCore.ALLERGY_CLINICAL, resolved ? "resolved" : "active", resolved ? "Resolved" : "Active"));
        allergy.setVerificationStatus(Codes.concept(UsCore.ALLERGY_VERIFICATION, "confirmed", "Confirmed"));
        allergy.setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
        if (a.category() != null) {
            allergy.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.fromCode(
                    a.category().name().toLowerCase(java.util.Locale.ROOT)));
        }
        allergy.setCode(Codes.concept(a.code()));
        allergy.setPatient(ctx.patientReference());
        allergy.setEncounter(MappingContext.reference(encounterId));
        allergy.setOnset(MappingContext.dateTime(a.onset()));
        allergy.setRecordedDate(MappingContext.date(MappingContext.within(a.onset(), encounter)));
        if (resolved) {
            allergy.addExtension(UsCore.ALLERGY_ABATEMENT, MappingContext.dateTime(a.abatement()));
        }
        return allergy;
    }
}
