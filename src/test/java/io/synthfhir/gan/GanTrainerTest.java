package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Demographics;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class GanTrainerTest {

    @Test
    void tinyTrainingSamplesPatientsWithLearnedCodes() {
        List<PatientRecord> all = GanFixtures.cohort();
        List<TrainingProgress> progress = new ArrayList<>();

        GanModel model = new GanTrainer(GanFixtures.tinyConfig().withEvaluationPatients(20))
                .train(all.subList(0, 30), all.subList(30, 40), progress::add, () -> false);

        assertThat(progress).extracting(TrainingProgress::phase).contains("encoding", "epoch", "evaluating", "done");
        assertThat(model.manifest().run().epochs()).isEqualTo(2);
        assertThat(model.manifest().metrics())
                .containsKeys("heldout.nll-per-step", "fidelity.halo.r2.visit-code", "privacy.exact-copies");
        assertThat(model.manifest().dataHash()).hasSize(64);
        PatientRecord r = model.generator().generate(CohortSpec.defaults(3, LocalDate.of(2025, 1, 1)), 0);
        assertThat(r.demographics().givenName()).isNotBlank();
    }

    @Test
    void cohortSmallerThanTwiceKIsRefusedWithTheCountsNeeded() {
        List<PatientRecord> few = GanFixtures.cohort().subList(0, 5);

        assertThatThrownBy(() -> new GanTrainer(GanFixtures.tinyConfig()).train(few, List.of(), null, null))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("at least 6 patients")
                .hasMessageContaining("got 5");
    }

    @Test
    void emptyCohortIsRefused() {
        assertThatThrownBy(() -> new GanTrainer(GanFixtures.tinyConfig()).train(List.of(), List.of(), null, null))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("got 0");
    }

    @Test
    void cohortWithNothingHeldByKPatientsIsRefused() {
        List<PatientRecord> strangers = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Encounter visit = Encounter.builder(
                            EncounterClass.AMBULATORY,
                            Code.snomed("185349003", "Encounter for check up"),
                            Instant.parse("2020-01-01T10:00:00Z").plusSeconds(86400L * i))
                    .build();
            Encounter.Builder b = visit.toBuilder();
            b.conditions.add(new Condition(Code.snomed("99" + i, "Unique " + i), visit.start()));
            strangers.add(new PatientRecord(
                    "p" + i,
                    new Demographics("A", "B", AdministrativeSex.FEMALE, LocalDate.of(1980, 1, 1), null, null, null),
                    null,
                    null,
                    List.of(b.build())));
        }

        assertThatThrownBy(() -> new GanTrainer(GanFixtures.tinyConfig()).train(strangers, List.of(), null, null))
                .isInstanceOf(TrainingDataException.class)
                .hasMessageContaining("no code is held by at least k=3");
    }

    @Test
    void cancellingStopsTrainingWithoutAModel() {
        AtomicInteger polls = new AtomicInteger();
        List<PatientRecord> all = GanFixtures.cohort();

        assertThatThrownBy(() -> new GanTrainer(GanFixtures.tinyConfig().withEpochs(50))
                        .train(all.subList(0, 30), all.subList(30, 40), null, () -> polls.incrementAndGet() > 3))
                .isInstanceOf(TrainingCancelledException.class);
        assertThat(polls.get()).isEqualTo(4);
    }
}
