package io.synthfhir.validity;

import static io.synthfhir.validity.ValidityCheckerTest.CHECKER;
import static io.synthfhir.validity.ValidityCheckerTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Immunization;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationCategory;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Quantity;
import org.junit.jupiter.api.Test;

class ContentInvariantsTest {

    @Test
    void pregnancyInAManIsReportedAndInAWomanIsNot() {
        PatientRecord woman = Fixtures.withVisit(
                AdministrativeSex.FEMALE, b -> b.conditions.add(Fixtures.condition(Fixtures.PREGNANCY, 11)));
        assertThat(CHECKER.check(woman)).isEmpty();
        PatientRecord man = Fixtures.withVisit(
                AdministrativeSex.MALE, b -> b.conditions.add(Fixtures.condition(Fixtures.PREGNANCY, 11)));
        assertThat(CHECKER.check(man)).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("sex-specific-event");
            assertThat(v.what()).contains("only female", "this patient is male");
        });
    }

    @Test
    void psaInAWomanIsReportedAndInAManIsNot() {
        Observation psa = Fixtures.lab(Fixtures.PSA, 1.2, "ng/mL", new io.synthfhir.model.ReferenceRange(null, 4.0), 6);
        assertThat(CHECKER.check(Fixtures.withVisit(AdministrativeSex.MALE, b -> b.observations.add(psa))))
                .isEmpty();
        assertThat(ids(CHECKER.check(Fixtures.withVisit(AdministrativeSex.FEMALE, b -> b.observations.add(psa)))))
                .containsExactly("sex-specific-event");
    }

    @Test
    void complicationNeedsItsCauseDiagnosedAtOrBeforeIt() {
        PatientRecord uncaused =
                Fixtures.validWith(b -> b.conditions.add(Fixtures.condition(Fixtures.RETINOPATHY, 12)));
        assertThat(CHECKER.check(uncaused)).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("complication-without-cause");
            assertThat(v.what()).contains("type 2 diabetes");
        });
        PatientRecord causeLater = Fixtures.validWith(b -> {
            b.conditions.add(Fixtures.condition(Fixtures.RETINOPATHY, 12));
            b.conditions.add(Fixtures.condition(Fixtures.DIABETES, 13));
        });
        assertThat(ids(CHECKER.check(causeLater))).containsExactly("complication-without-cause");
        PatientRecord caused = Fixtures.validWith(b -> {
            b.conditions.add(Fixtures.condition(Fixtures.DIABETES, 11));
            b.conditions.add(Fixtures.condition(Fixtures.RETINOPATHY, 12));
        });
        assertThat(CHECKER.check(caused)).isEmpty();
    }

    @Test
    void hypertensiveHeartDiseaseNeedsHypertension() {
        Code hhd = Code.snomed("64715009", "Hypertensive heart disease");
        assertThat(CHECKER.check(Fixtures.validWith(b -> b.conditions.add(Fixtures.condition(hhd, 12)))))
                .isEmpty();
        PatientRecord without = Fixtures.validWith(b -> {
            b.conditions.clear();
            b.medications.clear();
            b.conditions.add(Fixtures.condition(hhd, 12));
        });
        assertThat(ids(CHECKER.check(without))).containsExactly("complication-without-cause");
    }

    @Test
    void codesFromTheWrongTerminologyAreReported() {
        Code icd = new Code("http://hl7.org/fhir/sid/icd-10-cm", "I10", "Essential hypertension");
        PatientRecord r = Fixtures.validWith(b -> {
            b.conditions.add(new Condition(icd, Fixtures.at(11)));
            b.immunizations.add(new Immunization(Code.snomed("86198006", "Influenza vaccination"), Fixtures.at(26)));
            b.observations.add(Observation.quantity(
                    Code.snomed("271649006", "Systolic blood pressure"),
                    ObservationCategory.VITAL_SIGNS,
                    Fixtures.at(6),
                    new Quantity(120, "mm[Hg]"),
                    null));
        });
        assertThat(CHECKER.check(r))
                .extracting(Violation::invariant, Violation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("unexpected-code-system", "Condition.code"),
                        org.assertj.core.groups.Tuple.tuple("unexpected-code-system", "Observation.code"),
                        org.assertj.core.groups.Tuple.tuple("unexpected-code-system", "Immunization.code"));
    }

    @Test
    void snomedCodedExamObservationIsAllowed() {
        Observation exam = Observation.coded(
                Code.snomed("29303009", "Electrocardiographic procedure"),
                ObservationCategory.EXAM,
                Fixtures.at(7),
                Code.snomed("17621005", "Normal"));
        assertThat(CHECKER.check(Fixtures.validWith(b -> b.observations.add(exam))))
                .isEmpty();
    }

    @Test
    void unitsThatAreNotUcumAreReported() {
        PatientRecord r =
                Fixtures.validWith(b -> b.observations.add(Fixtures.vital(Fixtures.HEART_RATE, 70, "beats/min", 6)));
        assertThat(CHECKER.check(r)).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("unit-not-ucum");
            assertThat(v.value()).isEqualTo("beats/min");
            assertThat(v.what()).contains("beats");
        });
        PatientRecord ucum = Fixtures.validWith(b -> b.observations.add(Fixtures.lab(
                Code.loinc("33914-3", "eGFR"),
                75,
                "mL/min/{1.73_m2}",
                new io.synthfhir.model.ReferenceRange(60.0, null),
                6)));
        assertThat(CHECKER.check(ucum)).isEmpty();
    }
}
