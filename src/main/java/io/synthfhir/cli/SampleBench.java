package io.synthfhir.cli;

import io.synthfhir.gan.GanGenerator;
import io.synthfhir.gan.GanModel;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.model.PatientRecord;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code sample-bench}: how fast a model samples, before FHIR serialisation: patients (and events) per second on T
 * threads, with the model's training time from its manifest beside it.
 */
final class SampleBench {
    private SampleBench() {}

    static String usage() {
        return String.join(
                "\n",
                "  sample-bench [--model model.zip] [--count 2000] [--threads T] [--seed S] [--years Y]",
                "           [--reference-date YYYY-MM-DD] [--condition CODE]",
                "           prints the model's training time and its sampling speed (patients/s, events/s) before",
                "           FHIR serialisation; without --model, the model bundled in the jar");
    }

    static int run(Map<String, String> o, PrintStream out) throws Exception {
        GanModel model = o.containsKey("model")
                ? GanModel.read(Path.of(o.get("model")))
                : GanModel.bundledDefault()
                        .orElseThrow(() -> new InvalidParameterException(
                                "model", "(none)", "a model file: this build bundles no default model"));
        GanGenerator generator = model.generator();
        int count = Integer.parseInt(o.getOrDefault("count", "2000"));
        int threads = Cli.threads(o);
        LocalDate reference =
                o.containsKey("reference-date") ? LocalDate.parse(o.get("reference-date")) : LocalDate.now();
        CohortSpec spec = CohortSpec.defaults(Long.parseLong(o.getOrDefault("seed", "1")), reference)
                .withAges(0, 90)
                .withYears(Integer.parseInt(o.getOrDefault("years", String.valueOf(CohortSpec.MAX_AGE))));
        if (o.containsKey("condition")) {
            spec = spec.withCondition(
                    new io.synthfhir.model.Code(io.synthfhir.model.Code.SNOMED, o.get("condition"), ""));
        }
        generator.check(spec);
        var run = model.manifest().run();
        out.printf(
                Locale.ROOT,
                "model %s: trained on %d patients in %.1f s wall, %.1f s CPU (%d epochs, %s)%n",
                model.manifest().modelId(),
                model.manifest().trainingPatients(),
                run.wallSeconds(),
                run.cpuSeconds(),
                run.epochs(),
                run.stopReason());
        CohortSpec warm = spec.withYears(spec.years());
        for (int i = 0; i < Math.min(200, count); i++) {
            generator.generate(warm, 1_000_000 + i);
        }
        AtomicLong events = new AtomicLong();
        AtomicLong encounters = new AtomicLong();
        double cpu0 = Cli.processCpuSeconds();
        long t0 = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            int chunk = 64;
            CohortSpec s = spec;
            for (int from = 0; from < count; from += chunk) {
                int start = from;
                int end = Math.min(count, from + chunk);
                tasks.add(pool.submit(() -> {
                    for (int i = start; i < end; i++) {
                        PatientRecord r = generator.generate(s, i);
                        encounters.addAndGet(r.encounters().size());
                        events.addAndGet(r.encounters().stream()
                                .mapToLong(e -> e.conditions().size()
                                        + e.medications().size()
                                        + e.observations().size()
                                        + e.procedures().size()
                                        + e.immunizations().size()
                                        + e.allergies().size())
                                .sum());
                    }
                }));
            }
            for (Future<?> f : tasks) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = Cli.processCpuSeconds() - cpu0;
        out.printf(
                Locale.ROOT,
                "sampled patients=%d threads=%d wall_s=%.2f cpu_s=%.2f patients_per_s=%.0f patients_per_cpu_s=%.0f"
                        + " encounters_per_patient=%.1f events_per_s=%.0f peak_rss_mb=%d%n",
                count,
                threads,
                wall,
                cpu,
                count / wall,
                count / cpu,
                encounters.get() / (double) count,
                events.get() / wall,
                Cli.peakRssMb());
        return 0;
    }
}
