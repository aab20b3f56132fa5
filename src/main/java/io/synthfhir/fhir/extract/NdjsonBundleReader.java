package io.synthfhir.fhir.extract;

import ca.uhn.fhir.parser.IParser;
import io.synthfhir.model.PatientRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
        private final Path file;
        private final int threads;
        private final BufferedReader in;
        private final ExecutorService pool;
        private final Deque<Future<Batch>> pending = new ArrayDeque<>();
        private final Tally tally = new Tally();
        private final PatientRecordExtractor extractor = new PatientRecordExtractor(RecordIds.GENERATOR_IDENTIFIER);
        private final ThreadLocal<IParser> parsers = ThreadLocal.withInitial(FhirText::jsonParser);
        private Iterator<PatientRecord> current = Collections.emptyIterator();
        private long lineNumber;
        private boolean endOfFile;

        private Cursor(Path file, int threads) {
            this.file = file;
            this.threads = threads;
            this.in = FhirText.open(file);
            this.pool = Executors.newFixedThreadPool(threads, r -> {
                Thread t = new Thread(r, "ndjson-bundle-reader");
                t.setDaemon(true);
                return t;
            });
        }

        private record Batch(List<PatientRecord> records, Tally tally) {}

        @Override
        public boolean hasNext() {
            while (!current.hasNext()) {
                fill();
                if (pending.isEmpty()) {
                    return false;
                }
                Batch batch = take(pending.poll());
                tally.addAll(batch.tally());
                current = batch.records().iterator();
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
            pool.shutdownNow();
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        private void fill() {
            while (!endOfFile && pending.size() < threads * 2) {
                List<String> lines = new ArrayList<>(LINES_PER_TASK);
                long first = lineNumber + 1;
                List<Long> numbers = new ArrayList<>(LINES_PER_TASK);
                while (lines.size() < LINES_PER_TASK) {
                    String line = readLine();
                    if (line == null) {
                        endOfFile = true;
                        break;
                    }
                    if (!line.isBlank()) {
                        lines.add(line);
                        numbers.add(lineNumber);
                    }
                }
                if (!lines.isEmpty()) {
                    pending.add(pool.submit(() -> parse(lines, numbers)));
                } else if (first > lineNumber) {
                    break;
                }
            }
        }

        private String readLine() {
            try {
                String line = in.readLine();
                if (line != null) {
                    lineNumber++;
                }
                return line;
            } catch (IOException e) {
                throw new FhirInputException(file, lineNumber + 1, "cannot be read: " + e.getMessage(), e);
            }
        }

        private Batch parse(List<String> lines, List<Long> numbers) {
            Tally batchTally = new Tally();
            List<PatientRecord> records = new ArrayList<>();
            IParser parser = parsers.get();
            for (int i = 0; i < lines.size(); i++) {
                long line = numbers.get(i);
                Resource resource = FhirText.parse(parser, lines.get(i), file, line);
                if (!(resource instanceof Bundle bundle)) {
                    throw new FhirInputException(
                            file,
                            line,
                            "a " + resource.fhirType() + " where a Bundle was expected (one Bundle per line; read a"
                                    + " Bulk Data folder of resources with BulkNdjsonReader)",
                            null);
                }
                records.addAll(extractor.extract(bundle, batchTally));
            }
            return new Batch(records, batchTally);
        }

        private Batch take(Future<Batch> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new FhirInputException(file, 0, "interrupted while reading", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new FhirInputException(file, 0, "failed: " + e.getCause(), e.getCause());
            }
        }
    }
}
