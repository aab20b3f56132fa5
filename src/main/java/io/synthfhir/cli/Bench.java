package io.synthfhir.cli;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.Code;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The speed benchmark: generate N patients to FHIR ndjson and print the figures; with {@code --peer}, run Synthea on
 * the same N and seed in its own JVM in the same run and print the ratios (machines are noisy; only same-run ratios
 * mean anything).
 */
final class Bench {
    private Bench() {}

    static int run(Map<String, String> o, PrintStream out) throws Exception {
        long count = Long.parseLong(o.getOrDefault("count", "1000"));
        long seed = Long.parseLong(o.getOrDefault("seed", "7"));
        double jvmStart = ManagementFactory.getRuntimeMXBean().getStartTime() / 1000.0;
        RulesGenerator generator = Cli.generator(o);
        CohortSpec spec = Cli.spec(o);
        generator.generate(spec, 0);
        double firstPatient = System.currentTimeMillis() / 1000.0 - jvmStart;
        Path dir = Files.createTempDirectory("synthfhir-bench");
        double cpu0 = Cli.processCpuSeconds();
        long t0 = System.nanoTime();
        CohortWriter.Totals totals = CohortWriter.write(
                generator, spec, count, Cli.threads(o), dir, ProgressBar.forTerminal(count, "patients"));
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = Cli.processCpuSeconds() - cpu0;
        Map<String, Double> ours = new HashMap<>();
        ours.put("patients_per_s", totals.patients() / wall);
        ours.put("resources_per_s", totals.resources() / wall);
        ours.put("resources_per_cpu_s", totals.resources() / cpu);
        ours.put("cpu_s_per_patient", cpu / totals.patients());
        ours.put("bytes_per_s", totals.bytes() / wall);
        ours.put("setup_s", firstPatient);
        ours.put("peak_rss_mb", (double) Cli.peakRssMb());
        out.printf(
                Locale.ROOT,
                "synthfhir patients=%d resources=%d wall_s=%.1f cpu_s=%.1f patients_per_s=%.1f resources_per_s=%.0f"
                        + " resources_per_cpu_s=%.0f cpu_s_per_patient=%.4f bytes_per_s=%.0f first_patient_s=%.2f peak_rss_mb=%d%n",
                totals.patients(),
                totals.resources(),
                wall,
                cpu,
                ours.get("patients_per_s"),
                ours.get("resources_per_s"),
                ours.get("resources_per_cpu_s"),
                ours.get("cpu_s_per_patient"),
                ours.get("bytes_per_s"),
                firstPatient,
                Cli.peakRssMb());
        deleteTree(dir);
        if (o.containsKey("steer")) {
            steering(generator, spec.withCondition(Code.snomed(o.get("steer"), "")), count, out);
        }
        if (o.containsKey("peer")) {
            Map<String, Double> peer = peer(Path.of(o.get("peer")), count, seed, out);
            if (peer != null) {
                double peerResPerCpu = peer.get("resources") / peer.get("cpu_s");
                out.printf(
                        Locale.ROOT,
                        "ratio synthfhir/synthea: patients_per_s=%.1fx resources_per_cpu_s=%.1fx peak_rss=%.2fx%n",
                        ours.get("patients_per_s") / (peer.get("patients") / peer.get("wall_s")),
                        ours.get("resources_per_cpu_s") / peerResPerCpu,
                        ours.get("peak_rss_mb") / peer.get("peak_rss_mb"));
            }
        }
        return 0;
    }

    /**
     * The cost of a {@code condition=} cohort: CPU-seconds per patient (records only, no FHIR) of an unconstrained cohort
     * and of a cohort steered to the condition, the condition's prevalence in the unconstrained one, and what Synthea's
     * rejection sampling would cost by comparison (1 / prevalence times an unconstrained patient).
     */
    static void steering(RulesGenerator generator, CohortSpec steered, long count, PrintStream out) {
        CohortSpec free = steered.withCondition(null);
        double cpu0 = Cli.processCpuSeconds();
        long holders = holders(generator, free, steered.condition(), count);
        double cpuFree = (Cli.processCpuSeconds() - cpu0) / count;
        double cpu1 = Cli.processCpuSeconds();
        long steeredHolders = holders(generator, steered, steered.condition(), count);
        double cpuSteered = (Cli.processCpuSeconds() - cpu1) / count;
        double prevalence = (double) holders / count;
        out.printf(
                Locale.ROOT,
                "steering condition=%s prevalence=%.2f%% unconstrained_cpu_s_per_patient=%.5f"
                        + " steered_cpu_s_per_patient=%.5f steered_with_condition=%d/%d cost_ratio=%.2fx"
                        + " rejection_sampling_ratio=%s%n",
                steered.condition().code(),
                100 * prevalence,
                cpuFree,
                cpuSteered,
                steeredHolders,
                count,
                cpuSteered / cpuFree,
                holders == 0 ? "inf" : String.format(Locale.ROOT, "%.1fx", 1 / prevalence));
    }

    /** Generates {@code count} records of {@code spec} (no FHIR) and counts those with {@code condition}. */
    private static long holders(RulesGenerator generator, CohortSpec spec, Code condition, long count) {
        return LongStream.range(0, count)
                .parallel()
                .filter(i -> generator.generate(spec, i).hasCondition(condition))
                .count();
    }

    /** Runs the peer script and parses its one line of key=value figures. */
    private static Map<String, Double> peer(Path script, long count, long seed, PrintStream out) throws Exception {
        Path dir = Files.createTempDirectory("synthea-peer");
        Process p = new ProcessBuilder(
                        "bash", script.toString(), String.valueOf(count), String.valueOf(seed), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        String line = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String l; (l = r.readLine()) != null; ) {
                if (l.startsWith("synthea ")) {
                    line = l;
                }
            }
        }
        if (p.waitFor() != 0 || line == null) {
            out.println("synthea peer failed (exit " + p.exitValue() + ")");
            return null;
        }
        out.println(line);
        Map<String, Double> figures = new HashMap<>();
        for (String kv : line.substring("synthea ".length()).split(" ")) {
            String[] parts = kv.split("=");
            figures.put(parts[0], Double.parseDouble(parts[1]));
        }
        deleteTree(dir);
        return figures;
    }

    private static void deleteTree(Path dir) throws java.io.IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
    }
}
