package io.synthfhir.validity;

import static io.synthfhir.validity.ValidityCheckerTest.CHECKER;
import static io.synthfhir.validity.ValidityCheckerTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Condition;
import io.synthfhir.model.ConditionCategory;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Immunization;
import io.synthfhir.model.Medication;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Procedure;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LifeSpanAndTimingTest {

    @Test
    void encounterBeforeBirthIsReported() {
        Encounter early = Encounter.builder(
                        io.synthfhir.model.EncounterClass.WELLNESS,
                        Fixtures.WELLNESS,
                        Instant.parse("1969-06-01T09:00:00Z"))
                .end(Instant.parse("1969-06-01T09:30:00Z"))
                .build();
        PatientRecord r = Fixtures.record(AdministrativeSex.FEMALE, null, List.of(early, Fixtures.validVisit()));
        assertThat(ids(CHECKER.check(r))).containsExactly("event-before-birth", "event-before-birth");
        assertThat(CHECKER.check(r).get(0).field()).isEqualTo("Encounter.start");
    }

    @Test
    void eventsAfterDeathAreReportedButEventsAtDeathAreNot() {
        PatientRecord atDeath =
                Fixtures.record(AdministrativeSex.FEMALE, Fixtures.at(30), List.of(Fixtures.validVisit()));
        assertThat(CHECKER.check(atDeath)).isEmpty();
        PatientRecord diedEarly =
                Fixtures.record(AdministrativeSex.FEMALE, Fixtures.at(12), List.of(Fixtures.validVisit()));
        assertThat(ids(CHECKER.check(diedEarly))).containsOnly("event-after-death");
        assertThat(CHECKER.check(diedEarly))
                .extracting(Violation::field)
                .contains("Encounter.end", "Medication.authoredOn", "Procedure.start", "Immunization.date");
    }

    @Test
    void medicationEndAfterDeathIsReported() {
        PatientRecord r = Fixtures.record(
                AdministrativeSex.FEMALE,
                Fixtures.at(30),
                List.of(Fixtures.validWith(
                                b -> b.medications.set(0, b.medications.get(0).endedAt(Fixtures.at(600))))
                        .encounters()
                        .get(0)));
        assertThat(CHECKER.check(r)).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("event-after-death");
            assertThat(v.field()).isEqualTo("Medication.end");
        });
    }

    @Test
    void endsBeforeStartsAreReported() {
        PatientRecord r = Fixtures.validWith(b -> {
            b.conditions.set(0, b.conditions.get(0).endedAt(Fixtures.at(9)));
            b.medications.set(0, b.medications.get(0).endedAt(Fixtures.at(14)));
            b.procedures.set(0, new Procedure(Fixtures.SPIROMETRY, Fixtures.at(20), Fixtures.at(19), null));
        });
        assertThat(CHECKER.check(r))
                .extracting(Violation::invariant, Violation::field)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("end-before-start", "Condition.abatement"),
                        org.assertj.core.groups.Tuple.tuple("end-before-start", "Medication.end"),
                        org.assertj.core.groups.Tuple.tuple("end-before-start", "Procedure.end"));
    }

    @Test
    void abatementAtOnsetIsAllowed() {
        PatientRecord r =
                Fixtures.validWith(b -> b.conditions.set(0, b.conditions.get(0).endedAt(Fixtures.at(10))));
        assertThat(CHECKER.check(r)).isEmpty();
    }

    @Test
    void eventsOutsideTheirEncounterAreReported() {
        PatientRecord r = Fixtures.validWith(b -> {
            b.immunizations.set(0, new Immunization(Fixtures.FLU, Fixtures.at(45)));
            b.medications.set(
                    0, new Medication(Fixtures.LISINOPRIL, Fixtures.at(-5), null, Fixtures.HYPERTENSION, null));
        });
        assertThat(CHECKER.check(r))
                .extracting(Violation::invariant, Violation::field)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("event-outside-encounter", "Medication.authoredOn"),
                        org.assertj.core.groups.Tuple.tuple("event-outside-encounter", "Immunization.date"));
    }

    @Test
    void problemListConditionCarriedFromEarlierIsInsideButEncounterDiagnosisIsNot() {
        Condition earlier = new Condition(
                Fixtures.HYPERTENSION, Fixtures.at(-60 * 24 * 400), null, ConditionCategory.PROBLEM_LIST_ITEM);
        PatientRecord carried = Fixtures.validWith(b -> b.conditions.set(0, earlier));
        assertThat(CHECKER.check(carried)).isEmpty();
        Condition diagnosedEarlier =
                new Condition(Fixtures.HYPERTENSION, earlier.onset(), null, ConditionCategory.ENCOUNTER_DIAGNOSIS);
        PatientRecord wrong = Fixtures.validWith(b -> b.conditions.set(0, diagnosedEarlier));
        assertThat(ids(CHECKER.check(wrong))).containsExactly("event-outside-encounter");
    }
}
