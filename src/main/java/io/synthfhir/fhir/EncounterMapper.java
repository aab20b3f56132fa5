package io.synthfhir.fhir;

import io.synthfhir.model.CareProvider;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Period;

/**
 * Encounter (us-core-encounter): status, class, type, our setting (serviceType), subject, participant, period, reason,
 * service provider.
 */
final class EncounterMapper {
    private EncounterMapper() {}

    static org.hl7.fhir.r4.model.Encounter map(MappingContext ctx, Encounter e, int index) {
        org.hl7.fhir.r4.model.Encounter encounter = ctx.mark(new org.hl7.fhir.r4.model.Encounter(), UsCore.ENCOUNTER);
        encounter.setId(ctx.encounterId(index));
        encounter
                .addIdentifier()
                .setSystem(UsCore.PATIENT_ID_SYSTEM)
                .setValue(ctx.record().id() + "-e" + index);
        encounter.setStatus(
                e.end().isAfter(ctx.reference())
                        ? org.hl7.fhir.r4.model.Encounter.EncounterStatus.INPROGRESS
                        : org.hl7.fhir.r4.model.Encounter.EncounterStatus.FINISHED);
        encounter.setClass_(new Coding(
                UsCore.ACT_CODE,
                e.encounterClass().actCode(),
                e.encounterClass().display()));
        encounter.addType(Codes.concept(e.type()));
        encounter.setServiceType(setting(e.encounterClass()));
        encounter.setSubject(ctx.patientReference());
        Period period = new Period()
                .setStartElement(MappingContext.dateTime(e.start()))
                .setEndElement(MappingContext.dateTime(e.end()));
        encounter.setPeriod(period);
        if (e.reason() != null) {
            encounter.addReasonCode(Codes.concept(e.reason()));
        }
        CareProvider provider = ctx.record().careProvider();
        if (provider != null) {
            encounter
                    .addParticipant()
                    .addType(Codes.concept(UsCore.PARTICIPATION_TYPE, "PPRF", "primary performer"))
                    .setPeriod(period.copy())
                    .setIndividual(MappingContext.reference(MappingContext.practitionerId(provider)));
            encounter.setServiceProvider(MappingContext.reference(MappingContext.organizationId(provider)));
        }
        return encounter;
    }

    /**
     * Our setting code: Encounter.class (v3 ActCode) says AMB for ambulatory, wellness, outpatient and urgent care
     * alike, and the model tells them apart. serviceType has an example binding in R4 and no US Core constraint, so
     * our own code system is valid there; readers that do not know it still see the v3 class.
     */
    static org.hl7.fhir.r4.model.CodeableConcept setting(EncounterClass c) {
        String code = c.name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
        String display = c.name().charAt(0)
                + c.name().substring(1).toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return Codes.concept(UsCore.ENCOUNTER_SETTING, code, display);
    }
}
