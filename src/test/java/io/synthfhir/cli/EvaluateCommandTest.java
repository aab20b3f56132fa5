package io.synthfhir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthfhir.testing.SharedData;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code evaluate} from files: 30 corpus patients (20 training, 10 reference) against 15 generated ones. */
class EvaluateCommandTest {
    @TempDir
    static Path dir;

    static Path real;
    static Path synthetic;

    @BeforeAll
    static void files() throws Exception {
        real = dir.resolve("real.ndjson");
        try (BufferedReader in = io.synthfhir.fhir.extract.FhirFilesTestAccess.open(SharedData.syntheaCorpus())) {
            Files.write(real, in.lines().limit(30).toList());
        }
        synthetic = dir.resolve("synthetic");
        Result generated = cli(
                "generate",
                "--count",
                "15",
                "--seed",
                "3",
                "--out",
                synthetic.toString(),
                "--reference-date",
                "2026-11-22",
                "--threads",
                "2");
        assertThat(generated.status()).as(generated.err()).isZero();
    }

    record Result(int status, String out, String err) {}

    static Result cli(String... args) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Cli.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void splitLinesEvaluatesTheRestAgainstSyntheticAndWritesHtmlAndJson() throws Exception {
        Path html = dir.resolve("report.html");
        Path json = dir.resolve("report.json");

        Result r = cli(
                "evaluate",
                "--real",
                real.toString(),
                "--synthetic",
                synthetic.toString(),
                "--split-lines",
                "20",
                "--seed",
                "5",
                "--html",
                html.toString(),
                "--json",
                json.toString());

        assertThat(r.status()).as(r.err()).isIn(0, 1);
        assertThat(r.out())
                .contains("real reference 10 patients, training 20 patients, synthetic 15 patients")
                .contains("fidelity.halo.r2.visit-code")
                .contains("privacy.mia.accuracy")
                .containsPattern("(PASSED|FAILED): [0-9]+ failed");
        assertThat(Files.readString(html)).startsWith("<!DOCTYPE html>");
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        assertThat(report.get("realPatients").asInt()).isEqualTo(10);
        assertThat(report.get("trainingPatients").asInt()).isEqualTo(20);
        assertThat(report.get("syntheticPatients").asInt()).isEqualTo(15);
        assertThat(report.get("passed").asBoolean()).isEqualTo(r.status() == 0);
        JsonNode mia = null;
        for (JsonNode m : report.get("metrics")) {
            if (m.get("id").asText().equals("privacy.exact-copies")) {
                mia = m;
            }
        }
        assertThat(mia).isNotNull();
        assertThat(mia.get("value").asDouble()).isZero();
        assertThat(report.at("/extraction/real/read/Patient").asInt()).isEqualTo(30);
    }

    @Test
    void inputsTheCommandCannotUseAreErrorsNamingThem() throws Exception {
        Path broken = dir.resolve("broken.ndjson");
        Files.write(broken, List.of(Files.readAllLines(real).get(0), "{\"resourceType\": \"Bundle\", "));

        Result missing = cli("evaluate", "--synthetic", synthetic.toString());
        Result malformed = cli("evaluate", "--real", broken.toString(), "--synthetic", synthetic.toString());
        Result both = cli(
                "evaluate",
                "--real",
                real.toString(),
                "--synthetic",
                synthetic.toString(),
                "--training",
                real.toString(),
                "--split-lines",
                "3");
        Result badThreshold = cli(
                "evaluate",
                "--real",
                real.toString(),
                "--synthetic",
                synthetic.toString(),
                "--threshold",
                "detection-max=1");

        assertThat(missing.status()).isEqualTo(2);
        assertThat(missing.err()).contains("--real");
        assertThat(malformed.status()).isEqualTo(2);
        assertThat(malformed.err()).contains(broken + ":2:");
        assertThat(both.status()).isEqualTo(2);
        assertThat(both.err()).contains("--training and --split-lines");
        assertThat(badThreshold.status()).isEqualTo(2);
        assertThat(badThreshold.err()).contains("unknown threshold 'detection-max'");
    }
}
