package io.synthfhir.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.generate.CohortSpec;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Synthea 3.3.0's own module library (the JSON under {@code modules/} in its jar, a test-scope dependency whose
 * classes are never used) through our loader and simulator: how much of it loads, and how much of it runs. Prints
 * every failure with its reason; docs/synthea-compatibility.md records the figures.
 */
class SyntheaModulesCompatibilityTest {
    static final int SYNTHEA_MODULE_FILES = 235;
    static final int PATIENTS = 1000;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static List<ModuleLibrary.Source> sources;
    static ModuleLibrary.Partial loaded;

    @BeforeAll
    static void load() {
        sources = ModuleSources.classpath("modules");
        loaded = ModuleLibrary.loadPartially(sources);
        System.out.printf(
                "Synthea module files loaded: %d / %d%n",
                sources.size() - loaded.failures().size(), sources.size());
        loaded.failures().forEach((name, why) -> System.out.println("  load failure " + name + ": " + why));
    }

    @Test
    void everyModuleFileOfTheSyntheaJarIsFound() {
        assertThat(sources).hasSize(SYNTHEA_MODULE_FILES);
        assertThat(sources)
                .extracting(ModuleLibrary.Source::name)
                .contains("allergies", "medications/otc_antihistamine");
    }

    @Test
    void atLeast95PercentOfSyntheaModuleFilesLoad() {
        int ok = sources.size() - loaded.failures().size();
        assertThat(ok).isGreaterThanOrEqualTo((int) Math.ceil(0.95 * SYNTHEA_MODULE_FILES));
    }

    @Test
    void atLeast90PercentOfTopLevelSyntheaModulesRunAThousandPatientsWithoutError() {
        List<String> topLevel = sources.stream()
                .map(ModuleLibrary.Source::name)
                .filter(n -> !n.contains("/"))
                .sorted()
                .toList();
        RulesGenerator generator = new RulesGenerator(loaded.library(), "synthea-3.3.0");
        Map<String, String> failures = new ConcurrentSkipListMap<>();
        long start = System.nanoTime();
        long cpuStart = processCpuNanos();
        // Modules in parallel (each patient is a pure function of spec and index, so the figures do not depend on it).
        topLevel.parallelStream().forEach(module -> {
            if (loaded.failures().containsKey(module)) {
                failures.put(module, "does not load: " + loaded.failures().get(module));
                return;
            }
            CohortSpec spec = CohortSpec.defaults(7, TODAY).withModules(List.of(module));
            for (int i = 0; i < PATIENTS; i++) {
                try {
                    generator.generate(spec, i);
                } catch (RuntimeException e) {
                    failures.put(module, "patient " + i + ": " + e.getMessage());
                    return;
                }
            }
        });
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpu = (processCpuNanos() - cpuStart) / 1e9;
        int ok = topLevel.size() - failures.size();
        System.out.printf(
                "Synthea top-level modules run for %d patients each without error: %d / %d"
                        + " (%d patients, %.1f s wall, %.1f s CPU, %.0f patients per CPU-second)%n",
                PATIENTS,
                ok,
                topLevel.size(),
                PATIENTS * topLevel.size(),
                seconds,
                cpu,
                PATIENTS * topLevel.size() / cpu);
        failures.forEach((name, why) -> System.out.println("  run failure " + name + ": " + why));
        assertThat(ok).isGreaterThanOrEqualTo((int) Math.ceil(0.9 * topLevel.size()));
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
