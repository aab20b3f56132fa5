package io.synthfhir.fhir.extract;

import io.synthfhir.model.PatientRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads Bulk Data ndjson: a folder of {@code *.ndjson} / {@code *.ndjson.gz} files (one resource per line, typically
 * one file per type, as FHIR {@code $export} and our async {@code $synthesize} jobs write), or one such file of
 * mixed resources. References may be {@code Type/id}, absolute URLs, or {@code urn:uuid:} of the target's id.
 *
 * <p>Resources of one patient are spread over all files, so every file is read (in name order, lines parsed on
 * several threads) into small {@link Part}s first — model values without HAPI objects, a fraction of the parsed
 * size — and then grouped by patient. Records come in the order of the Patient resources.
 */
public final class BulkNdjsonReader {
    private static final int LINES_PER_TASK = 256;

    private BulkNdjsonReader() {}

    public static List<PatientRecord> read(Path folderOrFile) {
        return readWithReport(folderOrFile).records();
    }

    public static Extraction readWithReport(Path folderOrFile) {
        return readWithReport(folderOrFile, NdjsonBundleReader.defaultThreads());
    }

    public static Extraction readWithReport(Path folderOrFile, int threads) {
        Tally tally = new Tally();
        List<Part> parts = new ArrayList<>();
        for (Path file : files(folderOrFile)) {
            try (OrderedLines<Part> lines =
                    new OrderedLines<>(file, threads, LINES_PER_TASK, (parser, line, number, batchTally) -> {
                        Part part = PartReader.read(
                                null,
                                FhirText.parse(parser, line, file, number),
                                RecordIds.GENERATOR_IDENTIFIER,
                                batchTally);
                        return part == null ? List.of() : List.of(part);
                    })) {
                for (OrderedLines.Batch<Part> batch = lines.next(); batch != null; batch = lines.next()) {
                    tally.addAll(batch.tally());
                    parts.addAll(batch.results());
                }
            }
        }
        List<PatientRecord> records = PatientAssembler.assemble(parts, null, tally);
        return new Extraction(records, tally.report());
    }

    /** The ndjson files of a folder in name order, or the file itself. */
    static List<Path> files(Path folderOrFile) {
        if (!Files.isDirectory(folderOrFile)) {
            if (!Files.isRegularFile(folderOrFile)) {
                throw new FhirInputException(folderOrFile, 0, "is neither a folder nor a file", null);
            }
            return List.of(folderOrFile);
        }
        try (Stream<Path> listing = Files.list(folderOrFile)) {
            List<Path> files = listing.filter(Files::isRegularFile)
                    .filter(p -> {
                        String name = p.getFileName().toString();
                        return name.endsWith(".ndjson") || name.endsWith(".ndjson.gz");
                    })
                    .sorted()
                    .toList();
            if (files.isEmpty()) {
                throw new FhirInputException(folderOrFile, 0, "holds no .ndjson or .ndjson.gz file", null);
            }
            return files;
        } catch (IOException e) {
            throw new FhirInputException(folderOrFile, 0, "cannot be listed: " + e.getMessage(), e);
        }
    }
}
