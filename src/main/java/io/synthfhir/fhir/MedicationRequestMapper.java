package io.synthfhir.fhir;

import io.synthfhir.model.CareProvider;
import io.synthfhir.model.Dosage;
import io.synthfhir.model.Medication;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Timing;

/**
 * MedicationRequest (us-core-medicationrequest): an order with its requester (us-core-21), indication and dosage.
 * Active until its end passes the reference instant, then completed; the end is the dispense validity period's.
 */
final class MedicationRequestMapper {
    private MedicationRequestMapper() {}

    static MedicationRequest map(MappingContext ctx, Medication m, String id, String encounterId) {
        MedicationRequest request = ctx.mark(new MedicationRequest(), UsCore.MEDICATION_REQUEST);
        request.setId(id);
        boolean active = m.end() == null || m.end().isAfter(ctx.reference());
        request.setStatus(
                active
                        ? MedicationRequest.MedicationRequestStatus.ACTIVE
                        : MedicationRequest.MedicationRequestStatus.COMPLETED);
        request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        request.setReported(new BooleanType(false));
        request.setMedication(Codes.concept(m.code()));
        request.setSubject(ctx.patientReference());
        request.setEncounter(MappingContext.reference(encounterId));
        request.setAuthoredOnElement(MappingContext.dateTime(m.authoredOn()));
        CareProvider provider = ctx.record().careProvider();
        if (provider != null) {
            request.setRequester(MappingContext.reference(MappingContext.practitionerId(provider)));
        }
        if (m.reason() != null) {
            request.addReasonCode(Codes.concept(m.reason()));
        }
        if (m.end() != null) {
            // The course's end: R4 has no element for it but the period the prescription is valid for.
            request.getDispenseRequest()
                    .setValidityPeriod(new org.hl7.fhir.r4.model.Period()
                            .setStartElement(MappingContext.dateTime(m.authoredOn()))
                            .setEndElement(MappingContext.dateTime(m.end())));
        }
        Dosage d = m.dosage();
        if (d != null) {
            org.hl7.fhir.r4.model.Dosage dosage =
                    request.addDosageInstruction().setSequence(1).setText(d.text());
            dosage.setAsNeeded(new BooleanType(d.asNeeded()));
            // As-needed doses keep their amount and most frequent schedule ("1 dose up to 4 times a day as needed").
            dosage.setTiming(new Timing()
                    .setRepeat(new Timing.TimingRepeatComponent()
                            .setFrequency(d.frequency())
                            .setPeriod(d.period())
                            .setPeriodUnit(Timing.UnitsOfTime.fromCode(d.periodUnit()))));
            dosage.addDoseAndRate().setDose(Codes.simpleQuantity(d.amount(), "1"));
        }
        return request;
    }
}
