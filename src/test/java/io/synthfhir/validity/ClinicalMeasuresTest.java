package io.synthfhir.validity;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Procedure;
import io.synthfhir.model.ReferenceRange;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClinicalMeasuresTest {
    static final LocalDate REFERENCE = LocalDate.of(2020, 12, 31);
    static final Code COLONOSCOPY = Code.snomed("73761001", "Colonoscopy");

    /** A 50-year-old (born 1970) with hypertension since 2015 and a visit at each given instant. */
    static PatientRecord patient(List<Instant> visits, double systolic, double diastolic) {
        List<Encounter> encounters = new ArrayList<>();
        for (Instant v : visits) {
            Encounter.Builder b = Encounter.builder(EncounterClass.WELLNESS, Fixtures.WELLNESS, v)
                    .end(v.plusSeconds(1800));
            if (encounters.isEmpty()) {
                b.conditions.add(new Condition(Fixtures.HYPERTENSION, v));
                b.medications.add(
                        new io.synthfhir.model.Medication(Fixtures.LISINOPRIL, v, null, Fixtures.HYPERTENSION, null));
            }
            b.observations.add(Observation.panel(
                    Fixtures.BP_PANEL,
                    ObservationCategory.VITAL_SIGNS,
                    v,
                    List.of(
                            new io.synthfhir.model.ObservationComponent(
                                    Values.SYSTOLIC,
                                    new io.synthfhir.model.Quantity(encounters.isEmpty() ? 150 : systolic, "mm[Hg]"),
                                    null,
                                    null),
                            new io.synthfhir.model.ObservationComponent(
                                    Values.DIASTOLIC,
                                    new io.synthfhir.model.Quantity(encounters.isEmpty() ? 95 : diastolic, "mm[Hg]"),
                                    null,
                                    null))));
            encounters.add(b.build());
        }
        return Fixtures.record(AdministrativeSex.FEMALE, null, encounters);
    }

    static final List<Instant> VISITS =
            List.of(Instant.parse("2015-03-01T09:00:00Z"), Instant.parse("2020-06-01T09:00:00Z"));

    @Test
    void hypertensionIsControlledWhenTheLastReadingOfTheYearIsBelow140Over90() {
        ClinicalMeasures m = ClinicalMeasures.of(
                List.of(patient(VISITS, 128, 82), patient(VISITS, 128, 92), patient(VISITS, 142, 80)), REFERENCE);
        assertThat(m.hypertensionControlled()).isEqualTo(new ClinicalMeasures.Share(1, 3));
        assertThat(m.treatedHypertensionControlled()).isEqualTo(new ClinicalMeasures.Share(1, 3));
    }

    @Test
    void hypertensionWithoutAVisitInTheYearIsNotInTheDenominator() {
        PatientRecord lapsed =
                patient(List.of(Instant.parse("2015-03-01T09:00:00Z"), Instant.parse("2018-06-01T09:00:00Z")), 120, 80);
        assertThat(ClinicalMeasures.of(List.of(lapsed), REFERENCE)
                        .hypertensionControlled()
                        .denominator())
                .isZero();
    }

    @Test
    void colonoscopyWithinTenYearsCountsAndOlderDoesNot() {
        PatientRecord nineYears = withProcedure(patient(VISITS, 120, 80), Instant.parse("2011-06-01T10:00:00Z"));
        PatientRecord elevenYears = withProcedure(patient(VISITS, 120, 80), Instant.parse("2009-06-01T10:00:00Z"));
        ClinicalMeasures m = ClinicalMeasures.of(List.of(nineYears, elevenYears), REFERENCE);
        assertThat(m.colorectalScreened()).isEqualTo(new ClinicalMeasures.Share(1, 2));
    }

    @Test
    void hba1cCountsOnlyWhileDiabetesTreatmentIsActive() {
        Instant v = Instant.parse("2020-06-01T09:00:00Z");
        Encounter.Builder b =
                Encounter.builder(EncounterClass.WELLNESS, Fixtures.WELLNESS, v).end(v.plusSeconds(3600));
        b.conditions.add(new Condition(Fixtures.DIABETES, v));
        b.observations.add(Observation.quantity( // drawn before the order: not under treatment
                Fixtures.HBA1C,
                ObservationCategory.LABORATORY,
                v,
                new io.synthfhir.model.Quantity(8.1, "%"),
                new ReferenceRange(4.0, 5.6)));
        b.medications.add(new io.synthfhir.model.Medication(
                Fixtures.METFORMIN, v.plusSeconds(60), null, Fixtures.DIABETES, null));
        b.observations.add(Observation.quantity(
                Fixtures.HBA1C,
                ObservationCategory.LABORATORY,
                v.plusSeconds(600),
                new io.synthfhir.model.Quantity(6.8, "%"),
                new ReferenceRange(4.0, 5.6)));
        PatientRecord r = Fixtures.record(AdministrativeSex.MALE, null, List.of(b.build()));
        ClinicalMeasures m = ClinicalMeasures.of(List.of(r), REFERENCE);
        assertThat(m.hba1cUnderTreatment().n()).isEqualTo(1);
        assertThat(m.hba1cUnderTreatment().min()).isEqualTo(6.8);
        assertThat(m.treatedLatestHba1cBelow7()).isEqualTo(new ClinicalMeasures.Share(1, 1));
    }

    @Test
    void labsWithoutRangeAndUncausedComplicationsAreCounted() {
        PatientRecord bad = Fixtures.validWith(b -> {
            b.observations.add(Fixtures.lab(Fixtures.HBA1C, 6.1, "%", null, 6));
            b.conditions.add(Fixtures.condition(Fixtures.RETINOPATHY, 12));
        });
        ClinicalMeasures m = ClinicalMeasures.of(List.of(bad, Fixtures.valid()), REFERENCE);
        assertThat(m.labsWithRangeAndInterpretation()).isEqualTo(new ClinicalMeasures.Share(2, 3));
        assertThat(m.patientsWithUncausedComplication()).isEqualTo(new ClinicalMeasures.Share(1, 2));
    }

    private static PatientRecord withProcedure(PatientRecord r, Instant at) {
        Encounter.Builder b = Encounter.builder(
                        EncounterClass.AMBULATORY, Code.snomed("185349003", "Encounter for check up"), at)
                .end(at.plusSeconds(3600));
        b.procedures.add(new Procedure(COLONOSCOPY, at, at.plusSeconds(1800), null));
        List<Encounter> all = new ArrayList<>(r.encounters());
        all.add(b.build());
        return r.withEncounters(all);
    }
}
