package io.synthfhir.server;

import io.synthfhir.eval.EvaluationReport;
import io.synthfhir.eval.MetricResult;
import io.synthfhir.eval.Verdict;
import io.synthfhir.fhir.extract.ExtractionReport;
import java.math.BigDecimal;
import java.util.Locale;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;

/**
 * {@code $evaluate}'s answer as a Parameters resource: the overall verdict, the cohort sizes, and one {@code metric}
 * part per figure (id, label, category, value or the reason it is not computable, threshold, verdict, reference).
 */
final class EvaluationResults {
    private EvaluationResults() {}

    static Parameters toParameters(EvaluationService.Outcome outcome) {
        EvaluationReport report = outcome.report();
        Parameters out = new Parameters();
        out.addParameter().setName("passed").setValue(new BooleanType(report.passed()));
        out.addParameter()
                .setName("failed")
                .setValue(new IntegerType(report.failures().size()));
        out.addParameter().setName("notComputable").setValue(new IntegerType((int) report.metrics().stream()
                .filter(m -> m.verdict() == Verdict.NOT_COMPUTABLE)
                .count()));
        out.addParameter().setName("seedUsed").setValue(new StringType(Long.toString(report.seed())));
        out.addParameter().setName("realPatients").setValue(new IntegerType(report.realPatients()));
        out.addParameter().setName("trainingPatients").setValue(new IntegerType(report.trainingPatients()));
        out.addParameter().setName("syntheticPatients").setValue(new IntegerType(report.syntheticPatients()));
        out.addParameter().setName("syntheticSource").setValue(new StringType(outcome.syntheticSource()));
        extraction(out, outcome.realExtraction());
        for (MetricResult m : report.metrics()) {
            Parameters.ParametersParameterComponent metric = out.addParameter().setName("metric");
            metric.addPart().setName("id").setValue(new StringType(m.id()));
            metric.addPart().setName("label").setValue(new StringType(m.label()));
            metric.addPart()
                    .setName("category")
                    .setValue(new CodeType(code(m.category().name())));
            if (m.value().isComputed()) {
                metric.addPart()
                        .setName("value")
                        .setValue(new DecimalType(BigDecimal.valueOf(m.value().value())));
            } else {
                metric.addPart()
                        .setName("notComputable")
                        .setValue(new StringType(m.value().reason()));
            }
            if (m.threshold() != null) {
                metric.addPart()
                        .setName("threshold")
                        .setValue(new StringType(m.threshold().toString()));
            }
            metric.addPart()
                    .setName("verdict")
                    .setValue(new CodeType(code(m.verdict().name())));
            if (!m.reference().isEmpty()) {
                metric.addPart().setName("reference").setValue(new StringType(m.reference()));
            }
        }
        return out;
    }

    /** What reading the real records did: resources read, mapped, skipped, and each skip reason with its count. */
    private static void extraction(Parameters out, ExtractionReport report) {
        Parameters.ParametersParameterComponent p = out.addParameter().setName("realExtraction");
        p.addPart().setName("read").setValue(new IntegerType(Math.toIntExact(report.totalRead())));
        p.addPart().setName("mapped").setValue(new IntegerType(Math.toIntExact(report.totalMapped())));
        p.addPart().setName("skipped").setValue(new IntegerType(Math.toIntExact(report.totalSkipped())));
        report.skipped()
                .forEach((reason, n) ->
                        p.addPart().setName("skippedReason").setValue(new StringType(n + " × " + reason)));
    }

    /** Enum names as FHIR codes: {@code NOT_COMPUTABLE} → {@code not-computable}. */
    static String code(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
