package io.synthfhir.gan;

import io.synthfhir.eval.EvaluationInput;
import io.synthfhir.eval.EvaluationReport;
import io.synthfhir.eval.Evaluator;
import io.synthfhir.eval.MetricResult;
import io.synthfhir.eval.Thresholds;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.PatientRecord;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The figures a model is measured by at the end of training: synthetic patients sampled over the training data's
 * whole time span, against the held-out patients, by {@link Evaluator} (docs/evaluation.md), the training records
 * given for the privacy figures.
 */
final class FinalFigures {
    private FinalFigures() {}

    /** A spec that samples like the training data: whole lives up to the day after the data's end, any age. */
    static CohortSpec likeTraining(Encoding encoding, long seed) {
        LocalDate reference =
                LocalDate.ofInstant(encoding.dataEnd(), ZoneOffset.UTC).plusDays(1);
        return new CohortSpec(seed, List.of(), null, 0, CohortSpec.MAX_AGE, null, CohortSpec.MAX_AGE, reference);
    }

    static List<PatientRecord> sample(GanModel model, int count, long seed) {
        GanGenerator generator = model.generator();
        CohortSpec spec = likeTraining(model.encoding(), seed);
        return LongStream.range(0, count)
                .parallel()
                .mapToObj(i -> generator.generate(spec, i))
                .toList();
    }

    static Map<String, Double> measure(
            GanModel model, List<PatientRecord> training, List<PatientRecord> heldOut, int count, long seed) {
        List<PatientRecord> synthetic = sample(model, count, seed);
        EvaluationReport report =
                new Evaluator().evaluate(EvaluationInput.of(heldOut, synthetic, training, seed), Thresholds.defaults());
        Map<String, Double> out = new LinkedHashMap<>();
        for (MetricResult m : report.metrics()) {
            if (m.value().isComputed()) {
                out.put(m.id(), m.value().value());
            }
        }
        return out;
    }
}
