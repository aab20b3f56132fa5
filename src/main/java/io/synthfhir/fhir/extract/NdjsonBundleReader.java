package io.synthfhir.fhir.extract;

import io.synthfhir.model.PatientRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads ndjson of Bundles: one Bundle (transaction, collection, searchset, ...) per line, gzip-compressed or not (told
 * by content). Each Bundle is self-contained, as the Synthea corpus and {@code $synthesize} output are: its
 * references resolve among its own entries. Records come in file order, one per Patient entry.
 *
 * <p>Lines are parsed on several threads (HAPI's parser does ~20,000 resources/s per thread) and the results
 * collected in line order, so the output does not depend on the thread count. A line that is not a FHIR Bundle is a
 * {@link FhirInputException} naming the file and line; content that cannot be mapped is counted in the report.
 */
public final class NdjsonBundleReader {
    /** Lines per parsing task: a Synthea bundle is ~1,200 resources, so a task is a few tens of milliseconds. */
    private static final int LINES_PER_TASK = 2;

    private NdjsonBundleReader() {}

    /** Every record of the file. */
    public static List<PatientRecord> read(Path file) {
        return readWithReport(file).records();
    }

    /** Every record of the file, and the report of what was read, mapped and skipped. */
    public static Extraction readWithReport(Path file) {
        return readWithReport(file, defaultThreads());
    }

    public static Extraction readWithReport(Path file, int threads) {
        try (Cursor cursor = open(file, threads)) {
            List<PatientRecord> records = new ArrayList<>();
            cursor.forEachRemaining(records::add);
            return new Extraction(records, cursor.report());
        }
    }

    /**
     * The records one by one, reading ahead a few lines only: for files larger than memory. Close the stream (try
     * with resources) to close the file.
     */
    public static Stream<PatientRecord> stream(Path file) {
        Cursor cursor = open(file, defaultThreads());
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor, Spliterator.ORDERED), false)
                .onClose(cursor::close);
    }

    /** The records one by one with the report so far; close it to close the file. */
    public static Cursor open(Path file, int threads) {
        return new Cursor(file, Math.max(1, threads));
    }

    static int defaultThreads() {
        return Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** An ordered, read-ahead iteration over a file's records. */
    public static final class Cursor implements Iterator<PatientRecord>, AutoCloseable {
        private final Tally tally = new Tally();
        private final OrderedLines<PatientRecord> lines;
        private Iterator<PatientRecord> current = Collections.emptyIterator();

        private Cursor(Path file, int threads) {
            PatientRecordExtractor extractor = new PatientRecordExtractor(RecordIds.GENERATOR_IDENTIFIER);
            this.lines = new OrderedLines<>(file, threads, LINES_PER_TASK, (parser, line, number, batchTally) -> {
                Resource resource = FhirText.parse(parser, line, file, number);
                if (!(resource instanceof Bundle bundle)) {
                    throw new FhirInputException(
                            file,
                            number,
                            "a " + resource.fhirType() + " where a Bundle was expected (one Bundle per line; read a"
                                    + " Bulk Data file or folder of resources with BulkNdjsonReader)",
                            null);
                }
                return extractor.extract(bundle, batchTally);
            });
        }

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                OrderedLines.Batch<PatientRecord> batch = lines.next();
                if (batch == null) {
                    return false;
                }
                tally.addAll(batch.tally());
                current = batch.results().iterator();
            }
            return true;
        }

        @Override
        public PatientRecord next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return current.next();
        }

        /** What has been read so far; the whole file's once the cursor is exhausted. */
        public ExtractionReport report() {
            return tally.report();
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
