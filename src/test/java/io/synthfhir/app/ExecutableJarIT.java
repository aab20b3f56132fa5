package io.synthfhir.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged executable jar (built before the integration tests run) works on its own: its bundled rules load from
 * inside the nested jar, which an IDE or {@code mvn spring-boot:run} — reading classes from folders — never shows.
 */
class ExecutableJarIT {

    @Test
    void packagedJarGeneratesPatientsFromItsBundledRules(@TempDir Path out) throws Exception {
        Path jar = executableJar();
        Process process = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-jar",
                        jar.toString(),
                        "generate",
                        "--count",
                        "3",
                        "--seed",
                        "5",
                        "--out",
                        out.toString())
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("log.txt").toFile())
                .start();

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue())
                .as(Files.readString(out.resolve("log.txt")))
                .isZero();
        List<String> patients = Files.readAllLines(out.resolve("Patient.ndjson"));
        assertThat(patients).hasSize(3).allMatch(line -> line.contains("\"resourceType\":\"Patient\""));
        assertThat(Files.size(out.resolve("Encounter.ndjson"))).isPositive();
    }

    private static Path executableJar() throws Exception {
        try (Stream<Path> files = Files.list(Path.of("target"))) {
            return files.filter(p -> p.getFileName().toString().endsWith("-exec.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "no target" + File.separator + "*-exec.jar: the integration tests run after 'package'"));
        }
    }
}
