package io.synthfhir.validity;

import static io.synthfhir.validity.ValidityCheckerTest.CHECKER;
import static io.synthfhir.validity.ValidityCheckerTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.Interpretation;
import io.synthfhir.model.Observation;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.ReferenceRange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValuesAndLabsTest {

    @Test
    void hba1cBelowThePhysiologicalLimitIsReported() {
        // Synthea issue #1693: HbA1c 2.39 % under treatment.
        PatientRecord r = Fixtures.validWith(
                b -> b.observations.add(Fixtures.lab(Fixtures.HBA1C, 2.39, "%", new ReferenceRange(4.0, 5.6), 6)));
        assertThat(CHECKER.check(r)).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("value-outside-limits");
            assertThat(v.value()).isEqualTo("2.39 %");
            assertThat(v.what()).contains("3.5 .. 18 %");
        });
    }

    @Test
    void limitsApplyOnlyInTheirUnit() {
        PatientRecord mmol = Fixtures.validWith(b ->
                b.observations.add(Fixtures.lab(Fixtures.GLUCOSE, 5.2, "mmol/L", new ReferenceRange(3.9, 5.5), 6)));
        assertThat(CHECKER.check(mmol)).isEmpty();
    }

    @Test
    void implausibleHeartRateAndBloodPressureAreReported() {
        PatientRecord r = Fixtures.validWith(b -> {
            b.observations.add(Fixtures.vital(Fixtures.HEART_RATE, 400, "/min", 6));
            b.observations.add(Fixtures.bloodPressure(320, 90, 6));
        });
        assertThat(CHECKER.check(r))
                .extracting(Violation::invariant, Violation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("value-outside-limits", "Observation.quantity.value"),
                        org.assertj.core.groups.Tuple.tuple(
                                "value-outside-limits", "ObservationComponent[8480-6].value.value"));
    }

    @Test
    void heightLimitsFollowAge() {
        Instant fifthBirthday = Instant.parse("1975-01-01T10:00:00Z");
        Encounter.Builder visit = Encounter.builder(EncounterClass.WELLNESS, Fixtures.WELLNESS, fifthBirthday)
                .end(fifthBirthday.plusSeconds(1800));
        visit.observations.add(Observation.quantity(
                Fixtures.HEIGHT,
                io.synthfhir.model.ObservationCategory.VITAL_SIGNS,
                fifthBirthday,
                new io.synthfhir.model.Quantity(165, "cm"),
                null));
        PatientRecord child = Fixtures.record(AdministrativeSex.FEMALE, null, List.of(visit.build()));
        assertThat(ids(CHECKER.check(child))).containsExactly("value-outside-limits");
        assertThat(CHECKER.check(Fixtures.valid())).isEmpty(); // 165 cm is fine at 50
    }

    @Test
    void temperatureInFahrenheitIsJudgedInFahrenheit() {
        io.synthfhir.model.Code temperature = io.synthfhir.model.Code.loinc("8310-5", "Body temperature");
        assertThat(CHECKER.check(
                        Fixtures.validWith(b -> b.observations.add(Fixtures.vital(temperature, 98.6, "[degF]", 6)))))
                .isEmpty();
        assertThat(ids(CHECKER.check(
                        Fixtures.validWith(b -> b.observations.add(Fixtures.vital(temperature, 98.6, "Cel", 6))))))
                .containsExactly("value-outside-limits");
    }

    @Test
    void systolicAtOrBelowDiastolicIsReported() {
        PatientRecord r = Fixtures.validWith(b -> b.observations.set(1, Fixtures.bloodPressure(80, 80, 5)));
        assertThat(ids(CHECKER.check(r))).containsExactly("systolic-not-above-diastolic");
    }

    @Test
    void numericLabWithoutRangeOrInterpretationIsReported() {
        // Synthea issue #731: lab results without reference range or interpretation.
        PatientRecord r = Fixtures.validWith(b -> b.observations.add(Fixtures.lab(Fixtures.HBA1C, 6.1, "%", null, 6)));
        assertThat(CHECKER.check(r))
                .extracting(Violation::invariant, Violation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("lab-without-range", "Observation.referenceRange"),
                        org.assertj.core.groups.Tuple.tuple("lab-without-range", "Observation.interpretation"));
    }

    @Test
    void vitalSignsNeedNoRange() {
        assertThat(CHECKER.check(Fixtures.validWith(
                        b -> b.observations.add(Fixtures.vital(Fixtures.HEART_RATE, 64, "/min", 7)))))
                .isEmpty();
    }

    @Test
    void interpretationMustAgreeWithValueAndRange() {
        Observation high = Fixtures.lab(Fixtures.GLUCOSE, 180, "mg/dL", Fixtures.GLUCOSE_RANGE, 6);
        assertThat(high.interpretation()).isEqualTo(Interpretation.HIGH);
        PatientRecord saysNormal =
                Fixtures.validWith(b -> b.observations.add(Fixtures.withInterpretation(high, Interpretation.NORMAL)));
        assertThat(CHECKER.check(saysNormal)).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("interpretation-inconsistent");
            assertThat(v.value()).isEqualTo("N");
            assertThat(v.what()).contains("reads H");
        });
        PatientRecord critical = Fixtures.validWith(
                b -> b.observations.add(Fixtures.withInterpretation(high, Interpretation.CRITICAL_HIGH)));
        assertThat(CHECKER.check(critical)).isEmpty();
        PatientRecord abnormal =
                Fixtures.validWith(b -> b.observations.add(Fixtures.withInterpretation(high, Interpretation.ABNORMAL)));
        assertThat(CHECKER.check(abnormal)).isEmpty();
    }
}
