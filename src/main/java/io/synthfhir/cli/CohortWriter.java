package io.synthfhir.cli;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.synthfhir.fhir.PatientBundleMapper;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.generate.RunTag;
import io.synthfhir.model.PatientRecord;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.Resource;

/**
 * Generates a cohort on several threads and writes it as Bulk-Data-style ndjson, one file per resource type. Batches
 * are generated in parallel and written in index order, so the files are identical whatever the thread count.
 */
final class CohortWriter {
    private static final int BATCH = 64;

    record Totals(long patients, long resources, long bytes) {}

    static Totals write(
            PatientGenerator generator, CohortSpec spec, long count, int threads, Path out, ProgressBar progress)
            throws IOException {
        Files.createDirectories(out);
        FhirContext ctx = FhirContext.forR4Cached();
        PatientBundleMapper mapper = new PatientBundleMapper();
        RunTag tag = RunTag.of(generator, spec.seed());
        Instant reference = spec.referenceDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        Map<String, BufferedWriter> files = new TreeMap<>();
        AtomicLong resources = new AtomicLong();
        java.util.Set<String> writtenProviders = new java.util.HashSet<>();
        long bytes = 0;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Encoded>> pending = new java.util.ArrayList<>();
            long next = 0;
            long done = 0;
            while (done < count) {
                while (next < count && pending.size() < threads * 2) {
                    long from = next;
                    long to = Math.min(count, from + BATCH);
                    pending.add(pool.submit(
                            () -> encode(ctx, mapper, generator, spec, tag, reference, from, to, resources)));
                    next = to;
                }
                Encoded batch = pending.remove(0).get();
                for (Map.Entry<String, String[]> p : batch.providers().entrySet()) {
                    if (writtenProviders.add(p.getKey())) {
                        batch.byType()
                                .computeIfAbsent(p.getValue()[0], t -> new StringBuilder())
                                .append(p.getValue()[1])
                                .append('\n');
                        resources.incrementAndGet();
                    }
                }
                for (Map.Entry<String, StringBuilder> e : batch.byType().entrySet()) {
                    BufferedWriter w = files.computeIfAbsent(e.getKey(), type -> open(out.resolve(type + ".ndjson")));
                    w.write(e.getValue().toString());
                    bytes += e.getValue().length();
                }
                done = Math.min(count, done + BATCH);
                progress.update(done);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException(e.getCause());
        } finally {
            pool.shutdownNow();
            for (BufferedWriter w : files.values()) {
                w.close();
            }
        }
        return new Totals(count, resources.get(), bytes);
    }

    /** A batch's resources by type, and its care providers by id (written once per cohort). */
    record Encoded(Map<String, StringBuilder> byType, Map<String, String[]> providers) {}

    private static Encoded encode(
            FhirContext ctx,
            PatientBundleMapper mapper,
            PatientGenerator generator,
            CohortSpec spec,
            RunTag tag,
            Instant reference,
            long from,
            long to,
            AtomicLong resources) {
        IParser parser = ctx.newJsonParser();
        Map<String, StringBuilder> byType = new TreeMap<>();
        Map<String, String[]> providers = new TreeMap<>();
        for (long i = from; i < to; i++) {
            PatientRecord record = generator.generate(spec, i);
            for (Resource r : mapper.providerResources(record, tag, reference)) {
                providers.computeIfAbsent(r.fhirType() + "/" + r.getIdPart(), k ->
                        new String[] {r.fhirType(), parser.encodeResourceToString(r)});
            }
            List<Resource> mapped = mapper.resources(record, tag, reference);
            resources.addAndGet(mapped.size());
            for (Resource r : mapped) {
                byType.computeIfAbsent(r.fhirType(), t -> new StringBuilder())
                        .append(parser.encodeResourceToString(r))
                        .append('\n');
            }
        }
        return new Encoded(byType, providers);
    }

    private static BufferedWriter open(Path file) {
        try {
            return Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
