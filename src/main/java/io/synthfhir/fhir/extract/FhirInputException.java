package io.synthfhir.fhir.extract;

import java.nio.file.Path;

/**
 * Input that is not FHIR at all: a line that is not JSON, a resource the parser refuses, an unreadable file. Content
 * that is FHIR but cannot be mapped is never this: it is skipped and counted in the {@link ExtractionReport}.
 */
public class FhirInputException extends RuntimeException {
    private final Path file;
    private final long line;

    public FhirInputException(Path file, long line, String problem, Throwable cause) {
        super(file + (line > 0 ? ":" + line : "") + ": " + problem, cause);
        this.file = file;
        this.line = line;
    }

    /** The file at fault. */
    public Path file() {
        return file;
    }

    /** The 1-based line at fault, or 0 when the problem is the file as a whole. */
    public long line() {
        return line;
    }
}
