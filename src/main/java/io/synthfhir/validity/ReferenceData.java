package io.synthfhir.validity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthfhir.model.Code;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads the checker's tables from the classpath ({@code rules/reference/}, shipped inside the jar). */
final class ReferenceData {
    private ReferenceData() {}

    static JsonNode read(String file) {
        String path = "/rules/reference/" + file;
        try (InputStream in = ReferenceData.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + path
                        + " is missing: the validity checker needs it (it ships in the jar)");
            }
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(path + " is not valid JSON", e);
        }
    }

    /** The string a node holds, or a clear error naming the file and the field. */
    static String text(JsonNode node, String field, String file) {
        JsonNode v = node.get(field);
        if (v == null || !v.isValueNode() || v.asText().isBlank()) {
            throw new IllegalStateException("rules/reference/" + file + ": entry " + node + " has no '" + field + "'");
        }
        return v.asText();
    }

    static Code snomed(JsonNode node, String file) {
        return Code.snomed(text(node, "code", file), node.path("display").asText(""));
    }
}
