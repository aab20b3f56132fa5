package io.synthfhir.cli;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.validity.ClinicalMeasures;
import io.synthfhir.validity.ValidityChecker;
import io.synthfhir.validity.Violation;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * {@code validity}: generates a cohort with the rule engine, checks every patient with the clinical validity checker and
 * prints the violations by invariant (with the first few) and the realism measures of docs/clinical-validity.md.
 * Exit status 1 when any patient breaks an invariant.
 */
final class ValidityReport {
    private static final int EXAMPLES = 5;

    private ValidityReport() {}

    static int run(Map<String, String> o, PrintStream out) throws Exception {
        long count = Long.parseLong(o.getOrDefault("count", "1000"));
        RulesGenerator generator = Cli.generator(o);
        CohortSpec spec = Cli.spec(o);
        generator.check(spec);
        ValidityChecker checker = ValidityChecker.standard();
        long start = System.nanoTime();
        List<PatientRecord> cohort = new ForkJoinPool(Cli.threads(o))
                .submit(() -> LongStream.range(0, count)
                        .parallel()
                        .mapToObj(i -> generator.generate(spec, i))
                        .toList())
                .get();
        double generated = (System.nanoTime() - start) / 1e9;
        List<Violation> violations =
                cohort.stream().flatMap(r -> checker.check(r).stream()).toList();
        long violating =
                cohort.stream().filter(r -> !checker.check(r).isEmpty()).count();
        out.printf(
                Locale.ROOT,
                "generated %d patients in %.1f s (seed %d, reference date %s)%n",
                count,
                generated,
                spec.seed(),
                spec.referenceDate());
        out.printf(
                Locale.ROOT,
                "patients breaking an invariant: %d of %d, violations: %d%n",
                violating,
                count,
                violations.size());
        Map<String, Long> byInvariant = violations.stream()
                .collect(Collectors.groupingBy(Violation::invariant, TreeMap::new, Collectors.counting()));
        byInvariant.forEach((id, n) -> out.printf(Locale.ROOT, "  %-32s %d%n", id, n));
        violations.stream().limit(EXAMPLES).forEach(v -> out.println("  e.g. " + v));
        out.println(ClinicalMeasures.of(cohort, spec.referenceDate()).table());
        return violating == 0 ? 0 : 1;
    }
}
