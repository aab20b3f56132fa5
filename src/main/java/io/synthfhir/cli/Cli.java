package io.synthfhir.cli;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line of the same jar: {@code generate} writes a cohort to ndjson files, {@code bench} measures the
 * generator (and, given Synthea's peer script, Synthea on the same N in the same run), {@code evaluate} measures a
 * synthetic cohort against a real one from files. {@code java -jar synthfhir-exec.jar} with no command starts the
 * server.
 */
public final class Cli {
    static final Set<String> COMMANDS = Set.of(
            "generate", "bench", "bench-server", "validity", "evaluate", "train", "sample-bench", "compare", "help");

    private Cli() {}

    public static boolean handles(String[] args) {
        return args.length > 0 && COMMANDS.contains(args[0]);
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
        if (args.length == 0 || args[0].equals("help")) {
            out.println(usage());
            return 0;
        }
        Map<String, String> options;
        try {
            options = options(args);
            return switch (args[0]) {
                case "generate" -> generate(options, out);
                case "bench" -> Bench.run(options, out);
                case "bench-server" -> ServerBench.run(options, out);
                case "validity" -> ValidityReport.run(options, out);
                case "evaluate" -> Evaluate.run(options, out);
                case "compare" -> CompareModes.run(options, out);
                case "train" -> TrainCommand.run(options, out);
                case "sample-bench" -> SampleBench.run(options, out);
                default -> {
                    err.println("unknown command '" + args[0] + "'\n" + usage());
                    yield 2;
                }
            };
        } catch (InvalidParameterException | IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (io.synthfhir.gan.ModelFormatException
                | io.synthfhir.fhir.extract.FhirInputException
                | io.synthfhir.engine.SteeringException
                | io.synthfhir.engine.ModuleException e) {
            err.println("error: " + e.getMessage());
            return 1;
        }
    }

    static String usage() {
        return String.join(
                "\n",
                "usage: synthfhir <command> [--option value ...]",
                "  generate --count N [--seed S] [--out DIR] [--threads T] [--min-age A] [--max-age B] [--gender male|female]",
                "           [--condition CODE] [--years Y] [--modules a,b] [--reference-date YYYY-MM-DD] [--rules-folder DIR]",
                "           writes DIR/<Type>.ndjson (Bulk Data layout; default DIR ./output)",
                "  bench    --count N [--seed S] [--threads T] [--peer ../shared/tools/synthea-peer.sh] [--steer CODE]",
                "           prints patients/s, resources/s, CPU-s per patient, bytes/s, peak memory, first-patient latency,",
                "           with --peer the same figures for Synthea on the same N and the ratios; with --steer the CPU cost",
                "           of a condition=CODE cohort against an unconstrained one, and the code's prevalence",
                "  bench-server [--count N] [--heap 2g]",
                "           cold-starts plain HAPI JPA and HAPI + SynthFHIR in fresh JVMs: seconds to the first answered",
                "           /fhir/metadata, resident memory, $synthesize latency (first and warm) and the ratios",
                "  validity --count N [--seed S] [--reference-date YYYY-MM-DD] [generate's cohort options]",
                "           checks every patient against the clinical invariants and prints violations by invariant",
                "           and the realism measures of docs/clinical-validity.md (exit 1 if any patient breaks one)",
                "  evaluate --real PATH --synthetic PATH [--training PATH | --split-lines N] [--seed S]",
                "           [--threshold name=value,...] [--html out.html] [--json out.json]",
                "           PATH: ndjson of Bundles (.gz too), a Bulk Data folder, or a Bundle file; --split-lines N:",
                "           the first N lines of --real are the training records, the rest the reference;",
                "           prints every figure; exit 0 when all gated figures pass, 1 when one fails",
                TrainCommand.usage(),
                SampleBench.usage(),
                CompareModes.usage(),
                "  (no command) starts the FHIR server");
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> o = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --option value, got '" + args[i] + "'");
            }
            o.put(args[i].substring(2), args[++i]);
        }
        return o;
    }

    static CohortSpec spec(Map<String, String> o) {
        LocalDate reference =
                o.containsKey("reference-date") ? LocalDate.parse(o.get("reference-date")) : LocalDate.now();
        CohortSpec spec = new CohortSpec(
                Long.parseLong(o.getOrDefault("seed", "1")),
                o.containsKey("modules") ? List.of(o.get("modules").split(",")) : List.of(),
                o.containsKey("gender") ? AdministrativeSex.parse(o.get("gender")) : null,
                Integer.parseInt(o.getOrDefault("min-age", "0")),
                Integer.parseInt(o.getOrDefault("max-age", "90")),
                o.containsKey("condition") ? new Code(Code.SNOMED, o.get("condition"), "") : null,
                Integer.parseInt(o.getOrDefault("years", "10")),
                reference);
        return spec;
    }

    static RulesGenerator generator(Map<String, String> o) {
        return RulesGenerator.standard(o.containsKey("rules-folder") ? Path.of(o.get("rules-folder")) : null);
    }

    static int threads(Map<String, String> o) {
        return Integer.parseInt(
                o.getOrDefault("threads", String.valueOf(Runtime.getRuntime().availableProcessors())));
    }

    private static int generate(Map<String, String> o, PrintStream out) throws Exception {
        long count = Long.parseLong(o.getOrDefault("count", "10"));
        Path dir = Path.of(o.getOrDefault("out", "output"));
        RulesGenerator generator = generator(o);
        CohortSpec spec = spec(o);
        generator.check(spec);
        long start = System.nanoTime();
        CohortWriter.Totals totals =
                CohortWriter.write(generator, spec, count, threads(o), dir, ProgressBar.forTerminal(count, "patients"));
        double seconds = (System.nanoTime() - start) / 1e9;
        out.printf(
                java.util.Locale.ROOT,
                "wrote %d patients, %d resources, %d bytes to %s in %.1f s%n",
                totals.patients(),
                totals.resources(),
                totals.bytes(),
                dir.toAbsolutePath(),
                seconds);
        return 0;
    }

    static double processCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    /** Peak resident memory of this process (VmHWM), in MB; -1 where /proc is not available. */
    static long peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException e) {
            return -1;
        }
        return -1;
    }
}
