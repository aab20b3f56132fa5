package io.synthfhir.fhir.extract;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.LenientErrorHandler;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/** Opening FHIR files (gzip detected by content, not name) and parsing their text leniently. */
final class FhirText {
    private FhirText() {}

    static final FhirContext CONTEXT = FhirContext.forR4Cached();

    /** A reader of the file's text, decompressed when it starts with the gzip magic number. */
    static BufferedReader open(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
            in.mark(2);
            int b1 = in.read();
            int b2 = in.read();
            in.reset();
            if (b1 == 0x1f && b2 == 0x8b) {
                in = new GZIPInputStream(in, 1 << 16);
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        } catch (IOException e) {
            throw new FhirInputException(file, 0, "cannot be read: " + e.getMessage(), e);
        }
    }

    /**
     * A JSON parser that accepts what real servers write (unknown elements, codes outside required value sets) without
     * logging every occurrence; syntax errors still fail. Parsers are not thread-safe: one per thread.
     */
    static IParser jsonParser() {
        return CONTEXT.newJsonParser().setParserErrorHandler(new LenientErrorHandler(false));
    }

    static Resource parse(IParser parser, String text, Path file, long line) {
        try {
            IBaseResource parsed = parser.parseResource(text);
            if (!(parsed instanceof Resource resource)) {
                throw new FhirInputException(file, line, "not a FHIR R4 resource", null);
            }
            return resource;
        } catch (DataFormatException e) {
            throw new FhirInputException(file, line, "not a FHIR R4 JSON resource: " + e.getMessage(), e);
        }
    }
}
