package io.synthfhir.validity;

import static io.synthfhir.validity.ValidityCheckerTest.CHECKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.Immunization;
import io.synthfhir.model.Interpretation;
import io.synthfhir.model.Observation;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.ReferenceRange;
import java.util.List;
import org.junit.jupiter.api.Test;

class RepairTest {

    static final Code AMOXICILLIN = Code.rxnorm("308182", "Amoxicillin 250 MG Oral Capsule");
    static final Code LOSARTAN = Code.rxnorm("979485", "losartan potassium 25 MG Oral Tablet");
    static final Code DIABETIC_KIDNEY = Code.snomed("127013003", "Disorder of kidney due to diabetes mellitus");

    @Test
    void validRecordComesBackUnchanged() {
        Repair repair = CHECKER.repair(Fixtures.valid());
        assertThat(repair.record()).isEqualTo(Fixtures.valid());
        assertThat(repair.changes()).isEmpty();
        assertThat(repair.valid()).isTrue();
    }

    @Test
    void outOfLimitValueIsClampedAndItsInterpretationRecomputed() {
        Observation hba1c = Fixtures.withInterpretation(
                Fixtures.lab(Fixtures.HBA1C, 25, "%", new ReferenceRange(4.0, 5.6), 6), Interpretation.NORMAL);
        Repair repair = CHECKER.repair(Fixtures.validWith(b -> b.observations.add(hba1c)));
        Observation fixed = repair.record().encounters().get(0).observations().get(4);
        assertThat(fixed.quantity().value()).isEqualTo(18.0);
        assertThat(fixed.interpretation()).isEqualTo(Interpretation.HIGH);
        assertThat(repair.changes())
                .extracting(Change::invariant, Change::action)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("value-outside-limits", Change.Action.CLAMPED));
        assertThat(repair.valid()).isTrue();
    }

    @Test
    void eventOutsideItsEncounterIsMovedIntoIt() {
        Repair repair = CHECKER.repair(
                Fixtures.validWith(b -> b.immunizations.set(0, new Immunization(Fixtures.FLU, Fixtures.at(45)))));
        assertThat(repair.record().encounters().get(0).immunizations().get(0).date())
                .isEqualTo(Fixtures.at(30));
        assertThat(repair.valid()).isTrue();
    }

    @Test
    void medicationGetsADiagnosedKnownIndicationOrIsDropped() {
        PatientRecord r = Fixtures.validWith(b -> {
            b.conditions.add(Fixtures.condition(Fixtures.DIABETES, 11));
            b.medications.add(Fixtures.medication(Fixtures.METFORMIN, null, 16));
            b.medications.add(Fixtures.medication(AMOXICILLIN, null, 17));
        });
        Repair repair = CHECKER.repair(r);
        assertThat(repair.record().encounters().get(0).medications())
                .extracting(m -> m.code().code(), m -> m.reason().code())
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("314076", "59621000"),
                        org.assertj.core.groups.Tuple.tuple("860975", "44054006"));
        assertThat(repair.changes())
                .extracting(Change::action)
                .containsExactly(Change.Action.DROPPED, Change.Action.ATTACHED);
        assertThat(repair.valid()).isTrue();
    }

    @Test
    void sexMismatchedEventsAndEncountersAreDropped() {
        Encounter prenatal = Encounter.builder(
                        EncounterClass.AMBULATORY, Code.snomed("424619006", "Prenatal visit"), Fixtures.at(60 * 24))
                .end(Fixtures.at(60 * 24 + 30))
                .build();
        PatientRecord man = Fixtures.record(
                AdministrativeSex.MALE,
                null,
                List.of(
                        Fixtures.withVisit(
                                        AdministrativeSex.MALE,
                                        b -> b.conditions.add(Fixtures.condition(Fixtures.PREGNANCY, 11)))
                                .encounters()
                                .get(0),
                        prenatal));
        Repair repair = CHECKER.repair(man);
        assertThat(repair.record().encounters()).hasSize(1);
        assertThat(repair.record().hasCondition(Fixtures.PREGNANCY)).isFalse();
        assertThat(repair.changes()).extracting(Change::invariant).containsOnly("sex-specific-event");
        assertThat(repair.valid()).isTrue();
    }

    @Test
    void complicationWithoutCauseIsDroppedAndMedicationsFollowTheRemainingDiagnoses() {
        PatientRecord r = Fixtures.validWith(b -> {
            b.conditions.add(Fixtures.condition(DIABETIC_KIDNEY, 11));
            b.medications.add(Fixtures.medication(LOSARTAN, DIABETIC_KIDNEY, 16));
        });
        Repair repair = CHECKER.repair(r);
        assertThat(repair.record().hasCondition(DIABETIC_KIDNEY)).isFalse();
        assertThat(repair.record().encounters().get(0).medications().get(1).reason())
                .isEqualTo(Fixtures.HYPERTENSION);
        assertThat(repair.changes())
                .extracting(Change::invariant)
                .containsExactly("complication-without-cause", "medication-without-indication");
        assertThat(repair.valid()).isTrue();
    }

    @Test
    void labWithoutRangeGetsTheCatalogRangeOrIsDropped() {
        Code unknown = Code.loinc("99999-9", "A lab the catalog does not know");
        PatientRecord r = Fixtures.validWith(b -> {
            b.observations.add(Fixtures.lab(Fixtures.HBA1C, 6.1, "%", null, 6));
            b.observations.add(Fixtures.lab(unknown, 3, "mg/dL", null, 6));
        });
        Repair repair = CHECKER.repair(r);
        List<Observation> obs = repair.record().encounters().get(0).observations();
        assertThat(obs).hasSize(5);
        Observation hba1c = obs.get(4);
        assertThat(hba1c.range()).isEqualTo(new ReferenceRange(4.0, 5.6));
        assertThat(hba1c.interpretation()).isEqualTo(Interpretation.HIGH);
        assertThat(repair.changes())
                .extracting(Change::action)
                .containsExactly(Change.Action.DROPPED, Change.Action.ATTACHED);
        assertThat(repair.valid()).isTrue();
    }

    @Test
    void eventsAfterDeathAreDroppedAndOngoingPeriodsEndAtDeath() {
        PatientRecord r = Fixtures.record(AdministrativeSex.FEMALE, Fixtures.at(12), List.of(Fixtures.validVisit()));
        Repair repair = CHECKER.repair(r);
        Encounter e = repair.record().encounters().get(0);
        assertThat(e.end()).isEqualTo(Fixtures.at(12));
        assertThat(e.medications()).isEmpty();
        assertThat(e.procedures()).isEmpty();
        assertThat(e.immunizations()).isEmpty();
        assertThat(e.conditions()).hasSize(1);
        assertThat(repair.valid()).isTrue();
    }

    @Test
    void whatCannotBeRepairedRemainsAndTheRecordIsNotValid() {
        Encounter odd = Encounter.builder(
                        EncounterClass.AMBULATORY,
                        new Code("urn:local", "visit", "Local visit type"),
                        Fixtures.at(60 * 24))
                .end(Fixtures.at(60 * 24 + 30))
                .build();
        PatientRecord r = Fixtures.record(AdministrativeSex.FEMALE, null, List.of(Fixtures.validVisit(), odd));
        Repair repair = CHECKER.repair(r);
        assertThat(repair.valid()).isFalse();
        assertThat(repair.remaining()).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("unexpected-code-system");
            assertThat(v.field()).isEqualTo("Encounter.type");
        });
    }

    @Test
    void repairingARepairedRecordChangesNothing() {
        PatientRecord messy = Fixtures.record(
                AdministrativeSex.MALE,
                Fixtures.at(28),
                List.of(Fixtures.withVisit(AdministrativeSex.MALE, b -> {
                            b.conditions.add(Fixtures.condition(Fixtures.PREGNANCY, 11));
                            b.conditions.add(Fixtures.condition(Fixtures.RETINOPATHY, 12));
                            b.medications.add(Fixtures.medication(Fixtures.METFORMIN, Fixtures.RETINOPATHY, 16));
                            b.observations.add(Fixtures.lab(Fixtures.HBA1C, 2.0, "%", null, 40));
                            b.observations.add(Fixtures.bloodPressure(70, 90, 6));
                        })
                        .encounters()
                        .get(0)));
        Repair first = CHECKER.repair(messy);
        assertThat(first.valid()).isTrue();
        assertThat(first.changes()).isNotEmpty();
        Repair second = CHECKER.repair(first.record());
        assertThat(second.changes()).isEmpty();
        assertThat(second.record()).isEqualTo(first.record());
    }
}
