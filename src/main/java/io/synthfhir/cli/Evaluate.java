package io.synthfhir.cli;

import io.synthfhir.eval.CodeSystemCheck;
import io.synthfhir.eval.EvaluationInput;
import io.synthfhir.eval.EvaluationReport;
import io.synthfhir.eval.Evaluator;
import io.synthfhir.eval.MetricResult;
import io.synthfhir.eval.ThresholdOverrides;
import io.synthfhir.eval.Thresholds;
import io.synthfhir.eval.report.HtmlReportWriter;
import io.synthfhir.fhir.extract.Extraction;
import io.synthfhir.fhir.extract.ExtractionReport;
import io.synthfhir.fhir.extract.FhirFiles;
import io.synthfhir.fhir.extract.FhirInputException;
import io.synthfhir.fhir.extract.NdjsonBundleReader;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.validity.ValidityChecker;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code evaluate}: measures a synthetic cohort against a real one from files (any layout {@link FhirFiles} reads:
 * ndjson of Bundles, a Bulk Data folder, a Bundle document), prints the table of figures, and optionally writes the
 * HTML report and a JSON copy. The real records are the reference; training records (for the privacy figures) come
 * from {@code --training} or from the first {@code --split-lines} lines of {@code --real}. Exit status 0 when every
 * gated figure passes, 1 when one fails, 2 for an input the command cannot use.
 */
final class Evaluate {
    private Evaluate() {}

    static int run(Map<String, String> o, PrintStream out) throws IOException {
        Path realPath = required(o, "real");
        Path syntheticPath = required(o, "synthetic");
        if (o.containsKey("training") && o.containsKey("split-lines")) {
            throw new IllegalArgumentException("--training and --split-lines both name the training records: give one");
        }
        long seed = Long.parseLong(o.getOrDefault("seed", "1"));
        Thresholds thresholds = ThresholdOverrides.apply(Thresholds.defaults(), thresholds(o.get("threshold")));
        try {
            List<PatientRecord> real;
            List<PatientRecord> training = null;
            ExtractionReport realReport;
            if (o.containsKey("split-lines")) {
                long lines = Long.parseLong(o.get("split-lines"));
                if (lines < 1 || FhirFiles.layout(realPath) != FhirFiles.Layout.NDJSON_BUNDLES) {
                    throw new IllegalArgumentException("--split-lines needs a positive number of lines of an ndjson"
                            + " file of Bundles as --real (was " + o.get("split-lines") + " for " + realPath + ")");
                }
                NdjsonBundleReader.LineSplit split = NdjsonBundleReader.readSplit(realPath, lines);
                training = split.head();
                real = split.tail();
                realReport = split.report();
                requireNonEmpty(training, "training (the first " + lines + " lines of " + realPath + ")");
                requireNonEmpty(real, "real (the lines of " + realPath + " after line " + lines + ")");
            } else {
                Extraction extraction = FhirFiles.read(realPath);
                real = extraction.records();
                realReport = extraction.report();
                requireNonEmpty(real, "real (" + realPath + ")");
                if (o.containsKey("training")) {
                    Path trainingPath = Path.of(o.get("training"));
                    training = FhirFiles.read(trainingPath).records();
                    requireNonEmpty(training, "training (" + trainingPath + ")");
                }
            }
            Extraction synthetic = FhirFiles.read(syntheticPath);
            requireNonEmpty(synthetic.records(), "synthetic (" + syntheticPath + ")");
            List<String> mismatches = CodeSystemCheck.mismatches(real, synthetic.records());
            if (!mismatches.isEmpty()) {
                throw new IllegalArgumentException(
                        "the real and synthetic records cannot be compared: " + String.join("; ", mismatches));
            }
            out.printf(
                    Locale.ROOT,
                    "read %s: %d resources, %d skipped; %s: %d resources, %d skipped%n",
                    realPath,
                    realReport.totalRead(),
                    realReport.totalSkipped(),
                    syntheticPath,
                    synthetic.report().totalRead(),
                    synthetic.report().totalSkipped());
            out.printf(
                    Locale.ROOT,
                    "real reference %d patients, training %s, synthetic %d patients%n",
                    real.size(),
                    training == null ? "unknown" : training.size() + " patients",
                    synthetic.records().size());
            EvaluationReport report = new Evaluator()
                    .evaluate(
                            EvaluationInput.of(real, synthetic.records(), training, seed)
                                    .withValidity(ValidityChecker.standard().asInvariantCheck()),
                            thresholds);
            out.print(table(report));
            if (o.containsKey("html")) {
                Path html = Path.of(o.get("html"));
                Files.writeString(html, new HtmlReportWriter().write(report), StandardCharsets.UTF_8);
                out.println("wrote " + html.toAbsolutePath());
            }
            if (o.containsKey("json")) {
                Path json = Path.of(o.get("json"));
                ReportJson.write(report, Map.of("real", realReport, "synthetic", synthetic.report()), json);
                out.println("wrote " + json.toAbsolutePath());
            }
            return report.passed() ? 0 : 1;
        } catch (FhirInputException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** The figures as an aligned text table, one per line, and the overall verdict. */
    static String table(EvaluationReport report) {
        StringBuilder b = new StringBuilder();
        String format = "%-40s %-12s %-10s %s%n";
        b.append(String.format(Locale.ROOT, format, "figure", "value", "threshold", "verdict"));
        for (MetricResult m : report.metrics()) {
            String value = m.value().isComputed()
                    ? String.format(Locale.ROOT, "%.4f", m.value().value())
                    : "n/a";
            String verdict = m.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-')
                    + (m.value().isComputed() ? "" : " (" + m.value().reason() + ")");
            b.append(String.format(
                    Locale.ROOT,
                    format,
                    m.id(),
                    value,
                    m.threshold() == null ? "" : m.threshold().toString(),
                    verdict));
        }
        b.append(String.format(
                Locale.ROOT,
                "%s: %d failed, %d not computable, of %d figures%n",
                report.passed() ? "PASSED" : "FAILED",
                report.failures().size(),
                report.metrics().stream().filter(m -> !m.value().isComputed()).count(),
                report.metrics().size()));
        return b.toString();
    }

    private static Path required(Map<String, String> o, String name) {
        String value = o.get(name);
        if (value == null) {
            throw new IllegalArgumentException(
                    "evaluate needs --" + name + " <ndjson file, Bulk Data folder or Bundle>");
        }
        return Path.of(value);
    }

    private static void requireNonEmpty(List<PatientRecord> records, String cohort) {
        if (records.isEmpty()) {
            throw new IllegalArgumentException("the " + cohort + " cohort holds no patient record");
        }
    }

    /** {@code a=1,b=2} as a map. */
    private static Map<String, String> thresholds(String text) {
        Map<String, String> overrides = new LinkedHashMap<>();
        if (text == null) {
            return overrides;
        }
        for (String item : text.split(",")) {
            int at = item.indexOf('=');
            if (at <= 0) {
                throw new IllegalArgumentException("--threshold takes name=value[,name=value...], was '" + text + "'");
            }
            overrides.put(item.substring(0, at).trim(), item.substring(at + 1).trim());
        }
        return overrides;
    }
}
