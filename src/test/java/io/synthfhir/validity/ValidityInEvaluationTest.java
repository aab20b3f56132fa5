package io.synthfhir.validity;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.eval.EvaluationInput;
import io.synthfhir.eval.EvaluationReport;
import io.synthfhir.eval.Evaluator;
import io.synthfhir.eval.Thresholds;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.PatientRecord;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ValidityInEvaluationTest {

    @Test
    void evaluationReportsTheCheckersViolationRate() {
        RulesGenerator rules = RulesGenerator.standard(null);
        LocalDate today = LocalDate.of(2026, 11, 22);
        List<PatientRecord> real = IntStream.range(0, 12)
                .mapToObj(i -> rules.generate(CohortSpec.defaults(1, today).withAges(30, 80), i))
                .toList();
        List<PatientRecord> synthetic = new ArrayList<>(IntStream.range(0, 11)
                .mapToObj(i -> rules.generate(CohortSpec.defaults(2, today).withAges(30, 80), i))
                .toList());
        synthetic.add(Fixtures.validWith(b -> b.medications.add(Fixtures.medication(Fixtures.METFORMIN, null, 16))));

        EvaluationReport report = new Evaluator()
                .evaluate(
                        EvaluationInput.of(real, synthetic, null, 3)
                                .withValidity(ValidityChecker.standard().asInvariantCheck()),
                        Thresholds.defaults());

        assertThat(report.metric("validity.violation-rate")
                        .orElseThrow()
                        .value()
                        .value())
                .isEqualTo(1 / 12.0);
        assertThat(report.invariantRates()).singleElement().satisfies(rate -> {
            assertThat(rate.invariant()).isEqualTo("medication-without-indication");
            assertThat(rate.patients()).isEqualTo(1);
        });
    }
}
