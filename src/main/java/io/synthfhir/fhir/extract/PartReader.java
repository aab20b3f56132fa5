package io.synthfhir.fhir.extract;

import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/**
 * Reads one resource into a {@link Part}, counting it as read, and as skipped (with the reason) when it cannot be
 * used. Never throws on content: whatever a server holds, the worst outcome is a counted skip.
 */
final class PartReader {
    private PartReader() {}

    static Part read(String fullUrl, Resource resource, RecordIds ids, Tally tally) {
        String type = resource.fhirType();
        tally.read(type);
        Set<String> keys = Refs.keys(fullUrl, resource);
        try {
            Part part = dispatch(keys, resource, ids, tally);
            if (part instanceof Part.MedicationPart
                    || part instanceof Part.OrganizationPart
                    || part instanceof Part.PractitionerPart
                    || part instanceof Part.RolePart) {
                tally.mapped(type);
            }
            return part;
        } catch (RuntimeException e) {
            // Content no rule above foresaw (a lenient parse can leave odd shapes): skip it, say what broke.
            tally.skip(type, "could not be mapped (" + e.getClass().getSimpleName() + ")");
            return null;
        }
    }

    private static Part dispatch(Set<String> keys, Resource r, RecordIds ids, Tally tally) {
        if (r instanceof Patient p) {
            return PatientReader.patient(keys, p, ids, tally);
        }
        if (r instanceof Encounter e) {
            return EncounterReader.encounter(keys, e, tally);
        }
        if (r instanceof Condition c) {
            return ClinicalReader.condition(keys, c, tally);
        }
        if (r instanceof Observation o) {
            return ObservationReader.observation(keys, o, tally);
        }
        if (r instanceof MedicationRequest m) {
            return MedicationReader.request(keys, m, tally);
        }
        if (r instanceof Medication m) {
            return MedicationReader.medication(keys, m);
        }
        if (r instanceof Procedure p) {
            return ClinicalReader.procedure(keys, p, tally);
        }
        if (r instanceof Immunization i) {
            return ClinicalReader.immunization(keys, i, tally);
        }
        if (r instanceof AllergyIntolerance a) {
            return ClinicalReader.allergy(keys, a, tally);
        }
        if (r instanceof Organization o) {
            return PatientReader.organization(keys, o);
        }
        if (r instanceof Practitioner p) {
            return PatientReader.practitioner(keys, p);
        }
        if (r instanceof PractitionerRole role) {
            return PatientReader.role(keys, role);
        }
        tally.skip(r.fhirType(), "resource type not held by the model");
        return null;
    }
}
