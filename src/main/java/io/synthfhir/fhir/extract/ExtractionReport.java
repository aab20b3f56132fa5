package io.synthfhir.fhir.extract;

import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What an extraction did with its input: resources read and mapped per type, resources skipped per reason, and the
 * kept resources that were adjusted on the way in (per note). Every resource read is either mapped or skipped once,
 * so {@code totalRead() == totalMapped() + totalSkipped()}. Medication, Organization, Practitioner and
 * PractitionerRole count as mapped when read: they are looked up by the resources that reference them.
 *
 * @param patients records produced
 * @param read resources read, by type
 * @param mapped resources that became part of a record (or a lookup for one), by type
 * @param skipped resources left out, by "Type: reason"
 * @param adjusted kept resources that were changed or completed, by note
 */
public record ExtractionReport(
        long patients,
        Map<String, Long> read,
        Map<String, Long> mapped,
        Map<String, Long> skipped,
        Map<String, Long> adjusted) {

    public ExtractionReport {
        read = sorted(read);
        mapped = sorted(mapped);
        skipped = sorted(skipped);
        adjusted = sorted(adjusted);
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        return Collections.unmodifiableMap(new TreeMap<>(counts));
    }

    public long totalRead() {
        return read.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalMapped() {
        return mapped.values().stream().mapToLong(Long::longValue).sum();
    }

    public long totalSkipped() {
        return skipped.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A few lines for a log or a terminal. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(
                Locale.ROOT,
                "%d patients from %d resources: %d mapped, %d skipped%n",
                patients,
                totalRead(),
                totalMapped(),
                totalSkipped()));
        skipped.forEach((reason, n) -> b.append(String.format(Locale.ROOT, "  skipped %7d  %s%n", n, reason)));
        adjusted.forEach((note, n) -> b.append(String.format(Locale.ROOT, "  adjusted %6d  %s%n", n, note)));
        return b.toString();
    }
}
