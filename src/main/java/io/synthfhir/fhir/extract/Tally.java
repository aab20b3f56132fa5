package io.synthfhir.fhir.extract;

import java.util.Map;
import java.util.TreeMap;

/** Counts of one extraction while it runs; confined to one thread, merged in input order for the final report. */
final class Tally {
    private final Map<String, Long> read = new TreeMap<>();
    private final Map<String, Long> mapped = new TreeMap<>();
    private final Map<String, Long> skipped = new TreeMap<>();
    private final Map<String, Long> adjusted = new TreeMap<>();
    private long patients;

    void read(String type) {
        read.merge(type, 1L, Long::sum);
    }

    void mapped(String type) {
        mapped.merge(type, 1L, Long::sum);
    }

    /** A resource left out, with the reason a reader of the report can act on ("Observation: no category ..."). */
    void skip(String type, String reason) {
        skipped.merge(type + ": " + reason, 1L, Long::sum);
    }

    /** A resource kept but changed or completed on the way in (a widened period, a defaulted field). */
    void adjust(String note) {
        adjusted.merge(note, 1L, Long::sum);
    }

    void patient() {
        patients++;
    }

    void addAll(Tally other) {
        other.read.forEach((k, v) -> read.merge(k, v, Long::sum));
        other.mapped.forEach((k, v) -> mapped.merge(k, v, Long::sum));
        other.skipped.forEach((k, v) -> skipped.merge(k, v, Long::sum));
        other.adjusted.forEach((k, v) -> adjusted.merge(k, v, Long::sum));
        patients += other.patients;
    }

    ExtractionReport report() {
        return new ExtractionReport(patients, read, mapped, skipped, adjusted);
    }
}
