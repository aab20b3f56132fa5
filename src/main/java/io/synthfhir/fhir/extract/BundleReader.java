package io.synthfhir.fhir.extract;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import io.synthfhir.model.PatientRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Reads one Bundle file, JSON or XML (told by its first character), gzip-compressed or not: a {@code $synthesize}
 * answer, a searchset saved from a server, a transaction to be posted. Its references resolve among its entries.
 */
public final class BundleReader {
    private BundleReader() {}

    public static List<PatientRecord> read(Path file) {
        return readWithReport(file).records();
    }

    public static Extraction readWithReport(Path file) {
        return extract(file, text(file));
    }

    private static String text(Path file) {
        try (BufferedReader in = FhirText.open(file)) {
            StringBuilder b = new StringBuilder();
            char[] buffer = new char[1 << 16];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                b.append(buffer, 0, n);
            }
            return b.toString();
        } catch (IOException e) {
            throw new FhirInputException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    static Extraction extract(Path file, String text) {
        String trimmed = text.stripLeading();
        if (trimmed.isEmpty()) {
            throw new FhirInputException(file, 0, "is empty", null);
        }
        IParser parser = trimmed.charAt(0) == '<'
                ? FhirText.CONTEXT.newXmlParser().setParserErrorHandler(new LenientErrorHandler(false))
                : FhirText.jsonParser();
        IBaseResource parsed;
        try {
            parsed = parser.parseResource(trimmed);
        } catch (DataFormatException e) {
            throw new FhirInputException(file, 0, "is not a FHIR R4 resource: " + e.getMessage(), e);
        }
        if (!(parsed instanceof Bundle bundle)) {
            throw new FhirInputException(
                    file, 0, "holds a " + parsed.fhirType() + " where a Bundle was expected", null);
        }
        return new PatientRecordExtractor(RecordIds.GENERATOR_IDENTIFIER).extract(bundle);
    }
}
