package io.synthfhir.fhir.extract;

import ca.uhn.fhir.parser.IParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The lines of one file turned into results on several threads and handed back in line order, reading ahead a
 * bounded number of tasks: the output does not depend on the thread count, and memory does not grow with the file.
 * Each task gets its own {@link Tally}, merged by the caller in order.
 *
 * @param <T> what one line becomes
 */
final class OrderedLines<T> implements AutoCloseable {

    /** Turns one non-blank line into results, counting into the task's tally. */
    interface LineTask<T> {
        List<T> apply(IParser parser, String line, long lineNumber, Tally tally);
    }

    /** One task's results and counts. */
    record Batch<T>(List<T> results, Tally tally) {}

    private final Path file;
    private final int threads;
    private final int linesPerTask;
    private final LineTask<T> task;
    private final BufferedReader in;
    private final ExecutorService pool;
    private final Deque<Future<Batch<T>>> pending = new ArrayDeque<>();
    private final ThreadLocal<IParser> parsers = ThreadLocal.withInitial(FhirText::jsonParser);
    private long lineNumber;
    private boolean endOfFile;

    OrderedLines(Path file, int threads, int linesPerTask, LineTask<T> task) {
        this.file = file;
        this.threads = Math.max(1, threads);
        this.linesPerTask = linesPerTask;
        this.task = task;
        this.in = FhirText.open(file);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "fhir-reader");
            t.setDaemon(true);
            return t;
        });
    }

    /** The next batch in line order, or null at the end of the file. */
    Batch<T> next() {
        fill();
        Future<Batch<T>> future = pending.poll();
        return future == null ? null : take(future);
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
            List<String> lines = new ArrayList<>(linesPerTask);
            List<Long> numbers = new ArrayList<>(linesPerTask);
            while (lines.size() < linesPerTask) {
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
                pending.add(pool.submit(() -> run(lines, numbers)));
            }
        }
    }

    private Batch<T> run(List<String> lines, List<Long> numbers) {
        Tally tally = new Tally();
        List<T> results = new ArrayList<>();
        IParser parser = parsers.get();
        for (int i = 0; i < lines.size(); i++) {
            results.addAll(task.apply(parser, lines.get(i), numbers.get(i), tally));
        }
        return new Batch<>(results, tally);
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

    private Batch<T> take(Future<Batch<T>> future) {
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
