package io.synthfhir.fhir.extract;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.fhir.PatientBundleMapper;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.RunTag;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.zip.GZIPOutputStream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rule-generated records → PatientBundleMapper → FHIR text → extraction give back equal records: the whole record
 * (demographics, care provider, death, every encounter and every event with all its fields), compared with
 * {@code equals}, through every reader: Bundle objects, collection and transaction JSON, an XML document, ndjson of
 * bundles (gzip), a Bulk Data folder.
 */
class RoundTripTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Instant REFERENCE = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();
    static List<PatientRecord> records;
    static RunTag tag;

    @BeforeAll
    static void generate() {
        RulesGenerator generator = RulesGenerator.standard(null);
        CohortSpec spec = CohortSpec.defaults(2026, TODAY);
        records = IntStream.range(0, 60)
                .parallel()
                .mapToObj(i -> generator.generate(spec, i))
                .toList();
        tag = new RunTag(GeneratorMode.RULES, 2026, generator.version());
    }

    @Test
    void collectionBundleReadsBackIntoTheSameRecords() {
        assertSameRecords(extract(Bundle.BundleType.COLLECTION).records(), records);
    }

    @Test
    void transactionBundleReadsBackIntoTheSameRecords() {
        Extraction extraction = extract(Bundle.BundleType.TRANSACTION);
        assertSameRecords(extraction.records(), records);
        assertThat(extraction.report().skipped()).isEmpty();
        assertThat(extraction.report().adjusted()).isEmpty();
    }

    @Test
    void bulkDataFolderReadsBackIntoTheSameRecords(@TempDir Path folder) throws IOException {
        // The layout of our async jobs: one file per type, references urn:uuid: of the target's id.
        Bundle bundle = bundle(Bundle.BundleType.TRANSACTION);
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        Map<String, StringBuilder> byType = new TreeMap<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            byType.computeIfAbsent(entry.getResource().fhirType(), t -> new StringBuilder())
                    .append(parser.encodeResourceToString(entry.getResource()))
                    .append('\n');
        }
        for (Map.Entry<String, StringBuilder> e : byType.entrySet()) {
            Files.writeString(folder.resolve(e.getKey() + ".000000000.ndjson"), e.getValue());
        }
        assertThat(FhirFiles.layout(folder)).isEqualTo(FhirFiles.Layout.BULK);
        Extraction extraction = FhirFiles.read(folder);
        assertSameRecords(extraction.records(), records);
        assertThat(extraction.report().skipped()).isEmpty();
    }

    @Test
    void gzippedNdjsonOfOneBundlePerPatientReadsBackIntoTheSameRecords(@TempDir Path folder) throws IOException {
        PatientBundleMapper mapper = new PatientBundleMapper();
        IParser parser = FhirContext.forR4Cached().newJsonParser();
        Path file = folder.resolve("cohort.ndjson.gz");
        try (Writer out =
                new OutputStreamWriter(new GZIPOutputStream(Files.newOutputStream(file)), StandardCharsets.UTF_8)) {
            for (PatientRecord r : records) {
                Bundle one = mapper.toBundle(
                        List.of(r),
                        new PatientBundleMapper.Options(Bundle.BundleType.TRANSACTION, Set.of(), REFERENCE, tag));
                out.write(parser.encodeResourceToString(one));
                out.write('\n');
            }
        }
        assertThat(FhirFiles.layout(file)).isEqualTo(FhirFiles.Layout.NDJSON_BUNDLES);
        assertSameRecords(NdjsonBundleReader.read(file), records);
        try (var stream = NdjsonBundleReader.stream(file)) {
            assertSameRecords(stream.toList(), records);
        }
        assertSameRecords(NdjsonBundleReader.readWithReport(file, 1).records(), records);
    }

    @Test
    void prettyPrintedXmlBundleReadsBackIntoTheSameRecords(@TempDir Path folder) throws IOException {
        Path file = folder.resolve("cohort.xml");
        Files.writeString(
                file,
                FhirContext.forR4Cached()
                        .newXmlParser()
                        .setPrettyPrint(true)
                        .encodeResourceToString(bundle(Bundle.BundleType.COLLECTION)));
        assertThat(FhirFiles.layout(file)).isEqualTo(FhirFiles.Layout.BUNDLE);
        assertSameRecords(FhirFiles.read(file).records(), records);
    }

    private static Bundle bundle(Bundle.BundleType type) {
        return new PatientBundleMapper()
                .toBundle(records, new PatientBundleMapper.Options(type, Set.of(), REFERENCE, tag));
    }

    private static Extraction extract(Bundle.BundleType type) {
        Bundle bundle = new PatientBundleMapper()
                .toBundle(records, new PatientBundleMapper.Options(type, Set.of(), REFERENCE, tag));
        FhirContext ctx = FhirContext.forR4Cached();
        String json = ctx.newJsonParser().encodeResourceToString(bundle);
        Bundle parsed = ctx.newJsonParser().parseResource(Bundle.class, json);
        return new PatientRecordExtractor(RecordIds.GENERATOR_IDENTIFIER).extract(parsed);
    }

    /** Equal lists of records; on a difference, the first differing part is named rather than two huge strings. */
    static void assertSameRecords(List<PatientRecord> actual, List<PatientRecord> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            PatientRecord a = actual.get(i);
            PatientRecord e = expected.get(i);
            assertThat(a.id()).as("record %d id", i).isEqualTo(e.id());
            assertThat(a.demographics()).as("record %d demographics", i).isEqualTo(e.demographics());
            assertThat(a.careProvider()).as("record %d care provider", i).isEqualTo(e.careProvider());
            assertThat(a.deathTime()).as("record %d death", i).isEqualTo(e.deathTime());
            assertThat(a.encounters()).as("record %d encounters", i).hasSameSizeAs(e.encounters());
            for (int j = 0; j < e.encounters().size(); j++) {
                Encounter ae = a.encounters().get(j);
                Encounter ee = e.encounters().get(j);
                String where = "record " + i + " encounter " + j;
                assertThat(ae.toBuilder().build().encounterClass())
                        .as(where + " class")
                        .isEqualTo(ee.encounterClass());
                assertThat(ae.type()).as(where + " type").isEqualTo(ee.type());
                assertThat(ae.start()).as(where + " start").isEqualTo(ee.start());
                assertThat(ae.end()).as(where + " end").isEqualTo(ee.end());
                assertThat(ae.reason()).as(where + " reason").isEqualTo(ee.reason());
                assertThat(ae.conditions()).as(where + " conditions").isEqualTo(ee.conditions());
                assertThat(ae.medications()).as(where + " medications").isEqualTo(ee.medications());
                assertThat(ae.observations()).as(where + " observations").isEqualTo(ee.observations());
                assertThat(ae.procedures()).as(where + " procedures").isEqualTo(ee.procedures());
                assertThat(ae.immunizations()).as(where + " immunizations").isEqualTo(ee.immunizations());
                assertThat(ae.allergies()).as(where + " allergies").isEqualTo(ee.allergies());
            }
            assertThat(a).as("record %d", i).isEqualTo(e);
        }
    }
}
