package io.synthfhir.fhir.extract;

import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;

/**
 * What an extracted record's {@code id} is. Records are keyed by it ({@code io.synthfhir.eval.CohortSplit} hashes
 * it), so every reader of one source must agree.
 */
public enum RecordIds {
    /**
     * The Patient's logical id (its idPart). The server's readers use this: it is what the server calls the patient,
     * and the split of real patients into training and held-out depends on nothing else.
     */
    LOGICAL_ID,
    /**
     * The generator's own record id when the Patient carries SynthFHIR's patient identifier (so that our output reads
     * back into the very records that made it), else the logical id. The file readers use this.
     */
    GENERATOR_IDENTIFIER;

    String recordId(Patient patient) {
        if (this == GENERATOR_IDENTIFIER) {
            for (Identifier identifier : patient.getIdentifier()) {
                if (PatientReader.isGeneratorIdentifier(identifier)) {
                    return identifier.getValue();
                }
            }
        }
        return Refs.logicalId(patient);
    }
}
