package io.synthfhir.gan;

import io.synthfhir.engine.LabCatalog;
import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.PatientRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;

/** Small cohorts from the rule engine (fast, deterministic) and a tiny training configuration, shared by the tests. */
final class GanFixtures {
    static final LocalDate REFERENCE = LocalDate.of(2025, 1, 1);

    private static List<PatientRecord> cohort;
    private static GanModel model;

    private GanFixtures() {}

    /** 40 rule-engine patients with 20 years of history: enough codes in common at k = 3. */
    static synchronized List<PatientRecord> cohort() {
        if (cohort == null) {
            RulesGenerator rules = RulesGenerator.standard(null);
            CohortSpec spec = CohortSpec.defaults(11, REFERENCE).withYears(20);
            cohort = LongStream.range(0, 40)
                    .mapToObj(i -> rules.generate(spec, i))
                    .toList();
        }
        return cohort;
    }

    /** A tiny model trained once per test JVM on the first 30 patients of {@link #cohort()}, the rest held out. */
    static synchronized GanModel tinyModel() {
        if (model == null) {
            List<PatientRecord> all = cohort();
            model = new GanTrainer(tinyConfig()).train(all.subList(0, 30), all.subList(30, 40), null, null);
        }
        return model;
    }

    static TrainingConfig tinyConfig() {
        return TrainingConfig.defaults(5)
                .withK(3)
                .withEpochs(2)
                .withShape(new TrainingConfig.Shape(16, 16, 16, 1e-5))
                .withEvaluationPatients(0)
                .withTimeBudget(Duration.ofMinutes(2));
    }

    static Encoding encoding(List<PatientRecord> records, int k) {
        return new EncodingBuilder(LabCatalog.load()).build(records, k, 16);
    }
}
