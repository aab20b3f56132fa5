package io.synthfhir.fhir.extract;

import java.util.LinkedHashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * The names a resource answers to and the normal form of a reference, so that one lookup serves every way real data
 * points at a resource: a bundle's {@code urn:uuid:} full URL, a relative {@code Type/id}, an absolute
 * {@code http://server/fhir/Type/id/_history/2}, or a Bulk Data file whose references are {@code urn:uuid:} of the
 * target's logical id (as our own async jobs write).
 */
final class Refs {
    private Refs() {}

    static final String URN_UUID = "urn:uuid:";

    /** Every key under which {@code resource} (found at {@code fullUrl}, which may be null) can be referenced. */
    static Set<String> keys(String fullUrl, Resource resource) {
        Set<String> keys = new LinkedHashSet<>();
        if (fullUrl != null && !fullUrl.isBlank()) {
            keys.add(fullUrl);
            String normal = normalise(fullUrl, resource.fhirType());
            if (normal != null) {
                keys.add(normal);
            }
        }
        String id = logicalId(resource);
        if (id != null) {
            keys.add(resource.fhirType() + "/" + id);
            keys.add(URN_UUID + id);
        }
        return keys;
    }

    /** The resource's logical id without any base URL, version or {@code urn:uuid:} prefix; null if it has none. */
    static String logicalId(Resource resource) {
        if (!resource.hasIdElement() || resource.getIdElement().isEmpty()) {
            return null;
        }
        String value = resource.getIdElement().getValue();
        if (value.startsWith(URN_UUID)) {
            return value.substring(URN_UUID.length());
        }
        String part = resource.getIdElement().getIdPart();
        return part == null || part.isBlank() ? null : part;
    }

    /** The literal reference of {@code reference}, or null when it has none (identifier- or display-only). */
    static String of(Reference reference) {
        if (reference == null || !reference.hasReference()) {
            return null;
        }
        return reference.getReference().trim();
    }

    /**
     * The reference's {@code Type/id} form when it names a type and id (relative or absolute, any version), else
     * null; {@code urn:} references have no normal form and are looked up as they are.
     */
    static String normalise(String reference, String expectedType) {
        if (reference == null || reference.startsWith("urn:") || reference.startsWith("#")) {
            return null;
        }
        IdType id = new IdType(reference);
        String type = id.getResourceType();
        String part = id.getIdPart();
        if (part == null || part.isBlank()) {
            return null;
        }
        if (type == null || type.isBlank()) {
            type = expectedType;
        }
        return type == null ? null : type + "/" + part;
    }
}
