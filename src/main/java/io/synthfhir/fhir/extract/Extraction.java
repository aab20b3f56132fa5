package io.synthfhir.fhir.extract;

import io.synthfhir.model.PatientRecord;
import java.util.List;

/** The records read from FHIR input, in the order their Patients came, and the report of what was read. */
public record Extraction(List<PatientRecord> records, ExtractionReport report) {
    public Extraction {
        records = List.copyOf(records);
    }
}
