package io.synthfhir.fhir.extract;

import io.synthfhir.model.Code;
import io.synthfhir.model.Dosage;
import java.time.Instant;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Timing;

/**
 * MedicationRequest and Medication. The end of a medication is read from {@code dispenseRequest.validityPeriod.end}
 * (where our mapper writes it), else from the first dosage's {@code timing.repeat.boundsPeriod.end}; a request
 * stopped or completed without either date is kept without an end (Synthea writes none).
 */
final class MedicationReader {
    private MedicationReader() {}

    static Part medication(Set<String> keys, Medication m) {
        return new Part.MedicationPart(keys, Concepts.code(m.getCode()));
    }

    static Part request(Set<String> keys, MedicationRequest r, Tally tally) {
        if (r.hasStatus() && r.getStatus() == MedicationRequest.MedicationRequestStatus.ENTEREDINERROR) {
            tally.skip("MedicationRequest", "status entered-in-error");
            return null;
        }
        Instant authoredOn = Times.instant(r.getAuthoredOnElement());
        if (authoredOn == null) {
            tally.skip("MedicationRequest", "no authoredOn");
            return null;
        }
        Code code = null;
        String medicationRef = null;
        if (r.getMedication() instanceof CodeableConcept concept) {
            code = Concepts.code(concept);
        } else if (r.getMedication() instanceof Reference reference) {
            medicationRef = Refs.of(reference);
            if (Contained.isLocal(medicationRef)) {
                code = Contained.code(r, medicationRef);
                medicationRef = null;
            }
        }
        Instant end = Times.instant(r.getDispenseRequest().getValidityPeriod().getEndElement());
        if (end == null && r.hasDosageInstruction()) {
            Timing.TimingRepeatComponent repeat =
                    r.getDosageInstructionFirstRep().getTiming().getRepeat();
            if (repeat.getBounds() instanceof org.hl7.fhir.r4.model.Period bounds) {
                end = Times.instant(bounds.getEndElement());
            }
        }
        if (end != null && end.isBefore(authoredOn)) {
            tally.adjust("MedicationRequest: end before authoredOn dropped");
            end = null;
        }
        return new Events.MedicationRequestPart(
                keys,
                Refs.of(r.getSubject()),
                Refs.of(r.getEncounter()),
                code,
                medicationRef,
                authoredOn,
                end,
                ClinicalReader.reasonCode(r, r.getReasonCode(), r.getReasonReference()),
                ClinicalReader.reasonRef(r, r.getReasonReference()),
                dosage(r));
    }

    /**
     * The first dosage instruction as the model's simple dosage; absent parts take the model's defaults (one dose,
     * once a day), which is also what the rule engine writes for as-needed medications.
     */
    static Dosage dosage(MedicationRequest r) {
        if (!r.hasDosageInstruction()) {
            return null;
        }
        org.hl7.fhir.r4.model.Dosage d = r.getDosageInstructionFirstRep();
        boolean asNeeded =
                d.hasAsNeededBooleanType() ? d.getAsNeededBooleanType().booleanValue() : d.hasAsNeededCodeableConcept();
        Timing.TimingRepeatComponent repeat = d.getTiming().getRepeat();
        boolean hasDose = d.hasDoseAndRate() && d.getDoseAndRateFirstRep().hasDoseQuantity();
        if (!asNeeded && !hasDose && !repeat.hasFrequency() && !repeat.hasPeriod()) {
            return null;
        }
        double amount = hasDose && d.getDoseAndRateFirstRep().getDoseQuantity().hasValue()
                ? d.getDoseAndRateFirstRep().getDoseQuantity().getValue().doubleValue()
                : 1;
        int frequency = repeat.hasFrequency() ? repeat.getFrequency() : 1;
        double period = repeat.hasPeriod() ? repeat.getPeriod().doubleValue() : 1;
        String unit = repeat.hasPeriodUnit() ? repeat.getPeriodUnit().toCode() : "d";
        return new Dosage(amount, frequency, period, unit, asNeeded);
    }
}
