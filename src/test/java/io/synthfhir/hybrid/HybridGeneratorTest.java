package io.synthfhir.hybrid;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.gan.GanModel;
import io.synthfhir.gan.GanTrainer;
import io.synthfhir.gan.TrainingConfig;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.validity.ValidityChecker;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The hybrid on a tiny model trained (in seconds) on rule-engine patients. */
class HybridGeneratorTest {
    static final LocalDate TODAY = LocalDate.of(2025, 1, 1);
    static RulesGenerator rules;
    static ValidityChecker checker;
    static HybridGenerator hybrid;

    @BeforeAll
    static void trainATinyModel() {
        rules = RulesGenerator.standard(null);
        checker = ValidityChecker.standard();
        CohortSpec source = CohortSpec.defaults(11, TODAY).withYears(20);
        List<PatientRecord> records =
                LongStream.range(0, 40).mapToObj(i -> rules.generate(source, i)).toList();
        TrainingConfig config = TrainingConfig.defaults(5)
                .withK(3)
                .withEpochs(2)
                .withShape(new TrainingConfig.Shape(16, 16, 16, 1e-5))
                .withEvaluationPatients(0)
                .withTimeBudget(Duration.ofMinutes(2));
        GanModel model = new GanTrainer(config).train(records.subList(0, 30), records.subList(30, 40), null, null);
        hybrid = new HybridGenerator(rules, model.generator(), checker);
    }

    @Test
    void theRuleScaffoldKeepsItsPatientTimelineAndConditions() {
        CohortSpec spec = CohortSpec.defaults(3, TODAY);
        for (long i = 0; i < 10; i++) {
            PatientRecord scaffold = rules.generate(spec, i);
            PatientRecord record = hybrid.generate(spec, i);

            assertThat(record.demographics()).isEqualTo(scaffold.demographics());
            assertThat(record.encounters()).hasSameSizeAs(scaffold.encounters());
            for (int e = 0; e < record.encounters().size(); e++) {
                Encounter got = record.encounters().get(e);
                Encounter want = scaffold.encounters().get(e);
                assertThat(got.start()).isEqualTo(want.start());
                assertThat(got.type()).isEqualTo(want.type());
                assertThat(got.conditions().stream().map(c -> c.code().key()))
                        .containsAll(want.conditions().stream()
                                .map(c -> c.code().key())
                                .toList());
            }
        }
    }

    @Test
    void everyHybridPatientPassesTheValidityChecker() {
        CohortSpec spec = CohortSpec.defaults(4, TODAY);
        long filledWithLearnedEvents = 0;
        for (long i = 0; i < 60; i++) {
            PatientRecord record = hybrid.generate(spec, i);
            assertThat(checker.check(record)).as("patient %d", i).isEmpty();
            filledWithLearnedEvents += record.observations().count() > 0 ? 1 : 0;
        }
        assertThat(filledWithLearnedEvents).isPositive();
    }

    @Test
    void sameSpecAndIndexGiveTheSameRecord() {
        CohortSpec spec = CohortSpec.defaults(9, TODAY);

        assertThat(hybrid.generate(spec, 7)).isEqualTo(hybrid.generate(spec, 7));
    }

    @Test
    void aConditionCohortIsSteeredByTheRulesSoEveryPatientHasIt() {
        Code hypertension = Code.snomed("59621000", "");
        CohortSpec spec = CohortSpec.defaults(6, TODAY).withAges(40, 80).withCondition(hypertension);
        hybrid.check(spec);

        for (long i = 0; i < 8; i++) {
            assertThat(hybrid.generate(spec, i).hasCondition(hypertension)).isTrue();
        }
    }

    @Test
    void itsVersionNamesBothHalvesAndItAnswersAsHybrid() {
        assertThat(hybrid.mode()).isEqualTo(GeneratorMode.HYBRID);
        assertThat(hybrid.version()).startsWith(rules.version() + "+gan-");
    }
}
