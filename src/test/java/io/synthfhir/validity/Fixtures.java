package io.synthfhir.validity;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Demographics;
import io.synthfhir.model.Dosage;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.Immunization;
import io.synthfhir.model.Interpretation;
import io.synthfhir.model.Medication;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Procedure;
import io.synthfhir.model.Quantity;
import io.synthfhir.model.ReferenceRange;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hand-made records for the invariant tests. {@link #valid()} is a clinically valid adult woman with one wellness
 * visit (hypertension diagnosed and treated, a glucose result, vital signs, a flu shot, a procedure); each test
 * breaks one thing in a copy of it.
 */
final class Fixtures {
    private Fixtures() {}

    static final LocalDate BIRTH = LocalDate.of(1970, 1, 1);
    static final Instant VISIT = Instant.parse("2020-03-02T09:00:00Z");
    static final Code WELLNESS = Code.snomed("162673000", "General examination of patient");
    static final Code HYPERTENSION = Code.snomed("59621000", "Essential hypertension");
    static final Code DIABETES = Code.snomed("44054006", "Diabetes mellitus type 2");
    static final Code RETINOPATHY = Code.snomed("422034002", "Retinopathy due to type 2 diabetes mellitus");
    static final Code LISINOPRIL = Code.rxnorm("314076", "lisinopril 10 MG Oral Tablet");
    static final Code METFORMIN =
            Code.rxnorm("860975", "24 HR Metformin hydrochloride 500 MG Extended Release Oral Tablet");
    static final Code GLUCOSE = Code.loinc("2345-7", "Glucose [Mass/volume] in Serum or Plasma");
    static final Code HBA1C = Code.loinc("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood");
    static final Code HEIGHT = Code.loinc("8302-2", "Body height");
    static final Code HEART_RATE = Code.loinc("8867-4", "Heart rate");
    static final Code BP_PANEL = Code.loinc("85354-9", "Blood pressure panel with all children optional");
    static final Code FLU = Code.cvx("140", "Influenza, seasonal, injectable, preservative free");
    static final Code SPIROMETRY = Code.snomed("127783003", "Spirometry");
    static final Code PREGNANCY = Code.snomed("72892002", "Normal pregnancy");
    static final Code PSA = Code.loinc("2857-1", "Prostate specific Ag [Mass/volume] in Serum or Plasma");
    static final ReferenceRange GLUCOSE_RANGE = new ReferenceRange(70.0, 99.0);

    static Instant at(int minutes) {
        return VISIT.plus(Duration.ofMinutes(minutes));
    }

    static Condition condition(Code code, int minute) {
        return new Condition(code, at(minute));
    }

    static Medication medication(Code code, Code reason, int minute) {
        return new Medication(code, at(minute), null, reason, new Dosage(1, 1, 1, "d", false));
    }

    static Observation lab(Code code, double value, String unit, ReferenceRange range, int minute) {
        return Observation.quantity(code, ObservationCategory.LABORATORY, at(minute), new Quantity(value, unit), range);
    }

    static Observation vital(Code code, double value, String unit, int minute) {
        return Observation.quantity(code, ObservationCategory.VITAL_SIGNS, at(minute), new Quantity(value, unit), null);
    }

    static Observation bloodPressure(double systolic, double diastolic, int minute) {
        return Observation.panel(
                BP_PANEL,
                ObservationCategory.VITAL_SIGNS,
                at(minute),
                List.of(
                        new ObservationComponent(Values.SYSTOLIC, new Quantity(systolic, "mm[Hg]"), null, null),
                        new ObservationComponent(Values.DIASTOLIC, new Quantity(diastolic, "mm[Hg]"), null, null)));
    }

    static Observation withInterpretation(Observation o, Interpretation i) {
        return new Observation(
                o.code(), o.category(), o.effective(), o.quantity(), o.codedValue(), o.range(), i, o.components());
    }

    static Encounter.Builder visit() {
        return Encounter.builder(EncounterClass.WELLNESS, WELLNESS, VISIT).end(at(30));
    }

    static Encounter validVisit() {
        Encounter.Builder b = visit();
        b.conditions.add(condition(HYPERTENSION, 10));
        b.medications.add(medication(LISINOPRIL, HYPERTENSION, 15));
        b.observations.add(lab(GLUCOSE, 88, "mg/dL", GLUCOSE_RANGE, 5));
        b.observations.add(bloodPressure(146, 92, 5));
        b.observations.add(vital(HEART_RATE, 72, "/min", 5));
        b.observations.add(vital(HEIGHT, 165, "cm", 5));
        b.procedures.add(new Procedure(SPIROMETRY, at(20), at(25), null));
        b.immunizations.add(new Immunization(FLU, at(25)));
        return b.build();
    }

    static PatientRecord record(AdministrativeSex sex, Instant death, List<Encounter> encounters) {
        Demographics d = new Demographics("Ada", "Test", sex, BIRTH, null, null, null);
        return new PatientRecord("fixture", d, null, death, encounters);
    }

    static PatientRecord valid() {
        return record(AdministrativeSex.FEMALE, null, List.of(validVisit()));
    }

    /** The valid record with its visit edited. */
    static PatientRecord validWith(Consumer<Encounter.Builder> edit) {
        return withVisit(AdministrativeSex.FEMALE, edit);
    }

    static PatientRecord withVisit(AdministrativeSex sex, Consumer<Encounter.Builder> edit) {
        Encounter.Builder b = validVisit().toBuilder();
        edit.accept(b);
        return record(sex, null, List.of(b.build()));
    }
}
