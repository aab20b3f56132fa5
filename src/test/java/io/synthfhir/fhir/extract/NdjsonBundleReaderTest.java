package io.synthfhir.fhir.extract;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.testing.SharedData;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The shared Synthea corpus (237 transaction bundles, 281,798 resources) read through the ndjson reader. Expected
 * counts come from an independent count over the raw JSON (python, json module): per type, and the 10 Observations
 * of category "therapy", which the model has no category for.
 */
class NdjsonBundleReaderTest {

    @Test
    void readsEveryPatientAndEveryEventOfTheSyntheaCorpus() {
        long start = System.nanoTime();
        Extraction extraction = NdjsonBundleReader.readWithReport(SharedData.syntheaCorpus());
        double seconds = (System.nanoTime() - start) / 1e9;
        List<PatientRecord> records = extraction.records();
        ExtractionReport report = extraction.report();
        System.out.printf(
                Locale.ROOT,
                "corpus: %d resources in %.1f s (%.0f resources/s, %d threads)%n%s",
                report.totalRead(),
                seconds,
                report.totalRead() / seconds,
                NdjsonBundleReader.defaultThreads(),
                report.describe());

        assertThat(records).hasSize(237);
        assertThat(report.totalRead()).isEqualTo(281_798);
        assertThat(report.totalMapped() + report.totalSkipped()).isEqualTo(report.totalRead());
        assertThat(report.skipped()).containsOnlyKeys("Observation: category 'therapy' is not one the model holds");
        assertThat(report.skipped().values()).containsExactly(10L);
        assertThat(records.stream().mapToLong(r -> r.encounters().size()).sum()).isEqualTo(20_208);
        assertThat(records.stream().flatMap(PatientRecord::conditions).count()).isEqualTo(9_974);
        assertThat(records.stream().flatMap(PatientRecord::observations).count())
                .isEqualTo(173_153 - 10);
        assertThat(records.stream().flatMap(PatientRecord::medications).count()).isEqualTo(18_058);
        assertThat(records.stream().flatMap(PatientRecord::procedures).count()).isEqualTo(48_074);
        assertThat(records.stream().flatMap(PatientRecord::immunizations).count())
                .isEqualTo(3_318);
        assertThat(records.stream().flatMap(PatientRecord::allergies).count()).isEqualTo(234);
        assertThat(outsideTheirEncounter(records)).isEmpty();
        assertThat(records.get(0).id()).isEqualTo("89e6cc75-160a-3558-a51d-8780c9f21bdc");
    }

    static List<String> outsideTheirEncounter(List<PatientRecord> records) {
        List<String> outside = new ArrayList<>();
        for (PatientRecord r : records) {
            for (Encounter e : r.encounters()) {
                List<Instant> times = new ArrayList<>();
                e.conditions().forEach(c -> times.add(c.onset()));
                e.medications().forEach(m -> times.add(m.authoredOn()));
                e.observations().forEach(o -> times.add(o.effective()));
                e.procedures().forEach(p -> {
                    times.add(p.start());
                    times.add(p.end());
                });
                e.immunizations().forEach(i -> times.add(i.date()));
                e.allergies().forEach(a -> times.add(a.onset()));
                for (Instant t : times) {
                    if (t.isBefore(e.start()) || t.isAfter(e.end())) {
                        outside.add(r.id() + " " + e.start() + ".." + e.end() + ": " + t);
                    }
                }
            }
        }
        return outside;
    }
}
