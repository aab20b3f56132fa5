package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthfhir.generate.CohortSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelFileTest {
    @TempDir
    Path dir;

    @Test
    void writtenModelReadsBackWithItsManifestAndSamplesTheSamePatients() throws IOException {
        GanModel model = GanFixtures.tinyModel();
        Path file = dir.resolve("model.zip");

        model.write(file);
        GanModel read = GanModel.read(file);

        assertThat(read.manifest()).isEqualTo(model.manifest());
        assertThat(read.manifest().modelId()).startsWith("gan-");
        assertThat(read.manifest().libraries()).containsEntry("deeplearning4j", "1.0.0-M2.1");
        assertThat(read.manifest().trainingPatients()).isEqualTo(30);
        CohortSpec spec = CohortSpec.defaults(1, LocalDate.of(2025, 1, 1)).withYears(30);
        for (long i = 0; i < 5; i++) {
            assertThat(read.generator().generate(spec, i))
                    .isEqualTo(model.generator().generate(spec, i));
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("model.zip");
        }
    }

    @Test
    void manifestRoundTripsThroughJson() {
        ModelManifest m = GanFixtures.tinyModel().manifest();

        assertThat(ModelManifest.fromJson(m.toJson())).isEqualTo(m);
    }

    @Test
    void truncatedFileIsRefusedNamingTheFile() throws IOException {
        Path file = dir.resolve("model.zip");
        GanFixtures.tinyModel().write(file);
        byte[] bytes = Files.readAllBytes(file);
        Path broken = dir.resolve("broken.zip");
        Files.write(broken, java.util.Arrays.copyOf(bytes, bytes.length / 2));

        assertThatThrownBy(() -> GanModel.read(broken))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(broken.toString());
    }

    @Test
    void fileThatIsNotAModelIsRefusedWithTheReason() throws IOException {
        Path text = dir.resolve("notes.zip");
        Files.writeString(text, "not a zip at all");

        assertThatThrownBy(() -> GanModel.read(text)).isInstanceOfSatisfying(ModelFormatException.class, e -> {
            assertThat(e.source()).isEqualTo(text.toString());
            assertThat(e.reason()).contains("manifest.json").contains("missing");
        });
    }

    @Test
    void modelOfAnotherFormatVersionIsRefused() throws IOException {
        Path file = dir.resolve("model.zip");
        GanFixtures.tinyModel().write(file);
        Path newer =
                rewrite(file, "manifest.json", json -> json.replace("\"formatVersion\" : 1", "\"formatVersion\" : 99"));

        assertThatThrownBy(() -> GanModel.read(newer))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("format version 99");
    }

    @Test
    void corruptedEncodingIsRefused() throws IOException {
        Path file = dir.resolve("model.zip");
        GanFixtures.tinyModel().write(file);
        Path broken = rewrite(file, "encoding.json", json -> json.substring(0, json.length() / 3));

        assertThatThrownBy(() -> GanModel.read(broken))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining("encoding.json is corrupted");
    }

    @Test
    void missingFileIsRefusedNamingIt() {
        Path missing = dir.resolve("absent.zip");

        assertThatThrownBy(() -> GanModel.read(missing))
                .isInstanceOf(ModelFormatException.class)
                .hasMessageContaining(missing.toString());
    }

    /** A copy of the model file with one entry's text changed. */
    private Path rewrite(Path file, String entry, java.util.function.UnaryOperator<String> change) throws IOException {
        Path out = dir.resolve("changed-" + entry + ".zip");
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
                ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    bytes = change.apply(new String(bytes, StandardCharsets.UTF_8))
                            .getBytes(StandardCharsets.UTF_8);
                }
                zip.putNextEntry(new ZipEntry(e.getName()));
                zip.write(bytes);
                zip.closeEntry();
            }
        }
        return out;
    }
}
