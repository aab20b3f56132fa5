package io.synthfhir.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.synthfhir.eval.EvaluationReport;
import io.synthfhir.eval.MetricResult;
import io.synthfhir.fhir.extract.ExtractionReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An evaluation as JSON for scripts: the verdict, cohort sizes, every figure (id, label, category, value or the
 * reason it is missing, threshold, verdict, reference) and what reading each input did.
 */
final class ReportJson {
    private ReportJson() {}

    static void write(EvaluationReport report, Map<String, ExtractionReport> inputs, Path file) throws IOException {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("passed", report.passed());
        root.put("seed", report.seed());
        root.put("realPatients", report.realPatients());
        root.put("syntheticPatients", report.syntheticPatients());
        root.put("trainingPatients", report.trainingPatients());
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (MetricResult m : report.metrics()) {
            Map<String, Object> metric = new LinkedHashMap<>();
            metric.put("id", m.id());
            metric.put("label", m.label());
            metric.put("category", m.category().name().toLowerCase(Locale.ROOT));
            if (m.value().isComputed()) {
                metric.put("value", m.value().value());
            } else {
                metric.put("notComputable", m.value().reason());
            }
            if (m.threshold() != null) {
                metric.put(
                        "threshold",
                        Map.of(
                                "direction",
                                m.threshold().direction().name().toLowerCase(Locale.ROOT),
                                "limit",
                                m.threshold().limit()));
            }
            metric.put("verdict", m.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'));
            metric.put("reference", m.reference());
            metrics.add(metric);
        }
        root.put("metrics", metrics);
        Map<String, Object> extraction = new LinkedHashMap<>();
        inputs.forEach((name, r) -> {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("patients", r.patients());
            e.put("read", r.read());
            e.put("mapped", r.mapped());
            e.put("skipped", r.skipped());
            e.put("adjusted", r.adjusted());
            extraction.put(name, e);
        });
        root.put("extraction", extraction);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), root);
    }
}
