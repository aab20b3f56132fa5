package io.synthfhir.cli;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.eval.EvaluationInput;
import io.synthfhir.eval.EvaluationReport;
import io.synthfhir.eval.Evaluator;
import io.synthfhir.eval.MetricResult;
import io.synthfhir.eval.Thresholds;
import io.synthfhir.fhir.extract.NdjsonBundleReader;
import io.synthfhir.gan.GanGenerator;
import io.synthfhir.gan.GanModel;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.hybrid.HybridGenerator;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.validity.CheckedGenerator;
import io.synthfhir.validity.ValidityChecker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * {@code compare}: the table of docs/evaluation.md in one command — the corpus split by line (training = the first N
 * lines, reference = the rest), then rules, gan (raw, before the checker, so its violation rate shows) and hybrid
 * cohorts of the same size each evaluated against the reference with the training records for the privacy figures,
 * and the real training records themselves against the reference as the ceiling. Prints a Markdown table.
 */
final class CompareModes {
    private CompareModes() {}

    static String usage() {
        return String.join(
                "\n",
                "  compare  --corpus FILE --split-lines N [--model model.zip] [--count C] [--seed S]",
                "           [--reference-date YYYY-MM-DD]",
                "           real train (first N lines) vs rest as the ceiling, then rules, gan (before the checker) and",
                "           hybrid cohorts of C patients against the rest: every figure as a Markdown table");
    }

    static int run(Map<String, String> o, PrintStream out) throws Exception {
        Path corpus = Path.of(required(o, "corpus"));
        long lines = Long.parseLong(required(o, "split-lines"));
        long seed = Long.parseLong(o.getOrDefault("seed", "7"));
        LocalDate today = LocalDate.parse(o.getOrDefault("reference-date", "2026-11-22"));
        GanModel model = o.containsKey("model")
                ? GanModel.read(Path.of(o.get("model")))
                : GanModel.bundledDefault()
                        .orElseThrow(
                                () -> new IllegalArgumentException("no --model and no bundled model in this build"));
        NdjsonBundleReader.LineSplit split = NdjsonBundleReader.readSplit(corpus, lines);
        List<PatientRecord> training = split.head();
        List<PatientRecord> reference = split.tail();
        int count = Integer.parseInt(o.getOrDefault("count", String.valueOf(reference.size() * 4)));
        ValidityChecker checker = ValidityChecker.standard();
        RulesGenerator rules = RulesGenerator.standard(null);
        GanGenerator gan = model.generator();
        // Whole histories at every age, as the real records are.
        CohortSpec spec = new CohortSpec(seed, List.of(), null, 0, CohortSpec.MAX_AGE, null, CohortSpec.MAX_AGE, today);
        Map<String, List<PatientRecord>> cohorts = new LinkedHashMap<>();
        cohorts.put("real train (ceiling)", training);
        cohorts.put("rules", sample(rules, spec, count));
        cohorts.put("gan (before checker)", sample(gan, spec, count));
        cohorts.put("gan (served, checked)", sample(new CheckedGenerator(gan, checker), spec, count));
        cohorts.put("hybrid", sample(new HybridGenerator(rules, gan, checker), spec, count));
        Map<String, EvaluationReport> reports = new LinkedHashMap<>();
        for (var e : cohorts.entrySet()) {
            boolean ceiling = e.getValue() == training;
            EvaluationInput input = EvaluationInput.of(reference, e.getValue(), ceiling ? null : training, seed)
                    .withValidity(checker.asInvariantCheck());
            reports.put(e.getKey(), new Evaluator().evaluate(input, Thresholds.defaults()));
        }
        out.printf(
                Locale.ROOT,
                "corpus %s: training %d patients (lines 1-%d), reference %d; synthetic cohorts of %d; model %s; seed %d%n%n",
                corpus.getFileName(),
                training.size(),
                lines,
                reference.size(),
                count,
                model.manifest().modelId(),
                seed);
        out.print(table(reports));
        return 0;
    }

    private static List<PatientRecord> sample(PatientGenerator g, CohortSpec spec, int count) {
        return LongStream.range(0, count)
                .parallel()
                .mapToObj(i -> g.generate(spec, i))
                .toList();
    }

    static String table(Map<String, EvaluationReport> reports) {
        List<String> names = new ArrayList<>(reports.keySet());
        StringBuilder s = new StringBuilder("| figure | threshold |");
        names.forEach(n -> s.append(' ').append(n).append(" |"));
        s.append("\n|---|---|");
        names.forEach(n -> s.append("---|"));
        s.append('\n');
        EvaluationReport first = reports.values().iterator().next();
        for (MetricResult m : first.metrics()) {
            s.append("| `")
                    .append(m.id())
                    .append("` | ")
                    .append(m.threshold() == null ? "" : m.threshold().toString());
            s.append(" |");
            for (String n : names) {
                MetricResult r = reports.get(n).metrics().stream()
                        .filter(x -> x.id().equals(m.id()))
                        .findFirst()
                        .orElseThrow();
                s.append(' ')
                        .append(
                                r.value().isComputed()
                                        ? String.format(
                                                Locale.ROOT, "%.3f", r.value().value())
                                        : "n/c")
                        .append(" |");
            }
            s.append('\n');
        }
        return s.toString();
    }

    private static String required(Map<String, String> o, String name) {
        String v = o.get(name);
        if (v == null) {
            throw new IllegalArgumentException("compare needs --" + name + "\n" + usage());
        }
        return v;
    }
}
