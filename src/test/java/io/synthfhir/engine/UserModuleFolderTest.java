package io.synthfhir.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.server.SynthFhirProperties;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code synthfhir.rules-folder} pointing at a copy of Synthea's module folder (its JSON modules and lookup tables). */
class UserModuleFolderTest {

    @Test
    void aConfiguredFolderOfSyntheaModulesLoadsBesideTheBundledLibraryReplacingSameNamedModules(@TempDir Path dir)
            throws IOException {
        int copied = copySyntheaModules(dir);
        SynthFhirProperties properties = new Binder(
                        new MapConfigurationPropertySource(Map.of("synthfhir.rules-folder", dir.toString())))
                .bindOrCreate("synthfhir", SynthFhirProperties.class);
        assertThat(properties.rulesFolder()).isEqualTo(dir);

        RulesGenerator generator = RulesGenerator.standard(properties.rulesFolder());

        List<String> bundled = ModuleSources.classpath("rules").stream()
                .map(ModuleLibrary.Source::name)
                .toList();
        long replaced = bundled.stream()
                .filter(n -> Files.exists(dir.resolve(n + ".json")))
                .count();
        assertThat(replaced).isPositive(); // asthma, hypertension, sinusitis... come from the folder
        assertThat(generator.library().size()).isEqualTo(bundled.size() - replaced + copied);
        assertThat(generator.library().topLevel())
                .contains("allergies", "covid19", "type2_diabetes", "wellness_labs")
                .doesNotContain("medications/otc_antihistamine");
        assertThat(generator.version())
                .isNotEqualTo(RulesGenerator.standard(null).version());
        CohortSpec spec = CohortSpec.defaults(5, LocalDate.of(2026, 11, 22));
        List<PatientRecord> patients = IntStream.range(0, 20)
                .mapToObj(i -> generator.generate(spec, i))
                .toList();
        assertThat(patients).allSatisfy(p -> assertThat(p.encounters()).isNotEmpty());
        assertThat(IntStream.range(0, 20).mapToObj(i -> generator.generate(spec, i)))
                .containsExactlyElementsOf(patients);
    }

    @Test
    void aLookupTableBesideASubmoduleIsFoundBeforeTheOneAtTheRoot(@TempDir Path dir) throws IOException {
        String module = "{\"states\":{\"Initial\":{\"type\":\"Initial\",\"lookup_table_transition\":["
                + "{\"transition\":\"A\",\"default_probability\":0.5,\"lookup_table_name\":\"t.csv\"},"
                + "{\"transition\":\"B\",\"default_probability\":0.5,\"lookup_table_name\":\"t.csv\"}]},"
                + "\"A\":{\"type\":\"Terminal\"},\"B\":{\"type\":\"Terminal\"}}}";
        Files.createDirectories(dir.resolve("group/lookup_tables"));
        Files.createDirectories(dir.resolve("lookup_tables"));
        Files.writeString(dir.resolve("group/sub.json"), module);
        Files.writeString(dir.resolve("top.json"), module);
        Files.writeString(dir.resolve("group/lookup_tables/t.csv"), "gender,A,B\nF,1,0\nM,1,0\n");
        Files.writeString(dir.resolve("lookup_tables/t.csv"), "gender,A,B\nF,0,1\nM,0,1\n");

        ModuleLibrary library = ModuleLibrary.load(ModuleSources.folder(dir));

        Person person = new Person(new java.util.SplittableRandom(1), LocalDate.of(2000, 1, 1), null, Steering.NONE);
        person.attributes.put("gender", "F");
        java.time.Instant now = java.time.Instant.parse("2020-01-01T00:00:00Z");
        assertThat(library.module("group/sub").initial().transition.next(person, now, Steering.View.OFF))
                .isEqualTo("A");
        assertThat(library.module("top").initial().transition.next(person, now, Steering.View.OFF))
                .isEqualTo("B");
    }

    /** Copies the Synthea jar's module folder (JSON modules and CSV lookup tables only) into {@code dir}. */
    static int copySyntheaModules(Path dir) throws IOException {
        var url = UserModuleFolderTest.class.getClassLoader().getResource("modules/allergies.json");
        assertThat(url).as("Synthea's jar on the test classpath").isNotNull();
        int modules = 0;
        JarURLConnection connection = (JarURLConnection) url.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            Enumeration<JarEntry> entries = jar.entries();
            while (entries.hasMoreElements()) {
                JarEntry e = entries.nextElement();
                String name = e.getName();
                if (!name.startsWith("modules/") || !(name.endsWith(".json") || name.endsWith(".csv"))) {
                    continue;
                }
                Path target = dir.resolve(name.substring("modules/".length()));
                Files.createDirectories(target.getParent());
                try (InputStream in = jar.getInputStream(e)) {
                    Files.copy(in, target);
                }
                if (name.endsWith(".json")) {
                    modules++;
                }
            }
        }
        return modules;
    }
}
