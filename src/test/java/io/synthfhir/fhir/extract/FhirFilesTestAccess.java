package io.synthfhir.fhir.extract;

import java.io.BufferedReader;
import java.nio.file.Path;

/** Lets tests elsewhere open a FHIR file (gzip or not) the way the readers do. */
public final class FhirFilesTestAccess {
    private FhirFilesTestAccess() {}

    public static BufferedReader open(Path file) {
        return FhirText.open(file);
    }
}
