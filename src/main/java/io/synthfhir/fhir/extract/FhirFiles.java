package io.synthfhir.fhir.extract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads whatever FHIR input a user points at, telling the layout by content: a folder is Bulk Data ndjson; a file
 * whose first line is a whole JSON object is ndjson (of Bundles when that object is a Bundle, else of resources);
 * anything else is one Bundle document (JSON or XML). gzip is detected in every case.
 */
public final class FhirFiles {
    private static final ObjectMapper JSON = new ObjectMapper();

    private FhirFiles() {}

    public static Extraction read(Path path) {
        return switch (layout(path)) {
            case BULK -> BulkNdjsonReader.readWithReport(path);
            case NDJSON_BUNDLES -> NdjsonBundleReader.readWithReport(path);
            case BUNDLE -> BundleReader.readWithReport(path);
        };
    }

    /** How a path is laid out. */
    public enum Layout {
        /** A folder of ndjson files, or one ndjson file, of resources. */
        BULK,
        /** One Bundle per line. */
        NDJSON_BUNDLES,
        /** One Bundle document. */
        BUNDLE
    }

    public static Layout layout(Path path) {
        if (Files.isDirectory(path)) {
            return Layout.BULK;
        }
        if (!Files.isRegularFile(path)) {
            throw new FhirInputException(
                    path, 0, "does not exist (expected a folder or an ndjson/JSON/XML file)", null);
        }
        String first;
        try (BufferedReader in = FhirText.open(path)) {
            first = in.readLine();
            while (first != null && first.isBlank()) {
                first = in.readLine();
            }
        } catch (IOException e) {
            throw new FhirInputException(path, 0, "cannot be read: " + e.getMessage(), e);
        }
        if (first == null) {
            throw new FhirInputException(path, 0, "is empty", null);
        }
        String line = first.strip();
        if (line.startsWith("{") && line.endsWith("}")) {
            try {
                JsonNode node = JSON.readTree(line);
                return "Bundle".equals(node.path("resourceType").asText()) ? Layout.NDJSON_BUNDLES : Layout.BULK;
            } catch (IOException notWholeJson) {
                return Layout.BUNDLE;
            }
        }
        return Layout.BUNDLE;
    }
}
