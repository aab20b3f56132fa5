package io.synthfhir.fhir.extract;

import io.synthfhir.model.PatientRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Resource;

/**
 * FHIR R4 resources of any number of patients → one {@link PatientRecord} per Patient, with a report of what was read,
 * mapped and skipped. The inverse of {@code io.synthfhir.fhir.PatientBundleMapper} for everything the model holds.
 * Stateless and thread-safe; the readers ({@link NdjsonBundleReader}, {@link BulkNdjsonReader},
 * {@link BundleReader}) and the server's cohort reader all go through it.
 *
 * <p>What cannot be mapped is skipped and counted, never thrown: a resource type the model does not hold, an event
 * without a coded concept or a time, a subject that is not a Patient of the input, an entered-in-error record. Where
 * events go when their encounter is missing or wrong is {@link Visits}'s rule.
 */
public final class PatientRecordExtractor {
    private final RecordIds ids;

    public PatientRecordExtractor(RecordIds ids) {
        this.ids = ids;
    }

    /** The records of a Bundle (any type); references resolve through the entries' full URLs and logical ids. */
    public Extraction extract(Bundle bundle) {
        Tally tally = new Tally();
        List<PatientRecord> records = extract(bundle, tally);
        return new Extraction(records, tally.report());
    }

    /**
     * The records of a set of resources (a patient's compartment, a folder's contents); a reference none of them
     * answers to is asked of {@code outside} (given a {@code Type/id} or the reference as written; may be null).
     */
    public Extraction extract(List<? extends Resource> resources, Function<String, Resource> outside) {
        Tally tally = new Tally();
        List<Part> parts = new ArrayList<>(resources.size());
        for (Resource r : resources) {
            addPart(parts, null, r, tally);
        }
        List<PatientRecord> records = PatientAssembler.assemble(parts, outsideParts(outside, tally), tally);
        return new Extraction(records, tally.report());
    }

    List<PatientRecord> extract(Bundle bundle, Tally tally) {
        List<Part> parts = new ArrayList<>(bundle.getEntry().size());
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            if (entry.hasResource()) {
                addPart(parts, entry.getFullUrl(), entry.getResource(), tally);
            }
        }
        return PatientAssembler.assemble(parts, null, tally);
    }

    void addPart(List<Part> parts, String fullUrl, Resource resource, Tally tally) {
        Part part = PartReader.read(fullUrl, resource, ids, tally);
        if (part != null) {
            parts.add(part);
        }
    }

    private Function<String, Part> outsideParts(Function<String, Resource> outside, Tally tally) {
        if (outside == null) {
            return null;
        }
        return reference -> {
            Resource resource = outside.apply(reference);
            return resource == null ? null : PartReader.read(null, resource, ids, tally);
        };
    }
}
