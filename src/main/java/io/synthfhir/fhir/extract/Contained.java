package io.synthfhir.fhir.extract;

import io.synthfhir.model.Code;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Resource;

/** References to resources contained in the referring one ({@code #id}), resolved on the spot. */
final class Contained {
    private Contained() {}

    static boolean isLocal(String reference) {
        return reference != null && reference.startsWith("#");
    }

    static Resource find(DomainResource owner, String reference) {
        if (!isLocal(reference)) {
            return null;
        }
        String id = reference.substring(1);
        for (Resource r : owner.getContained()) {
            String value = r.getIdElement().getValue();
            if (value != null && (value.equals(reference) || value.equals(id) || id.equals(r.getIdPart()))) {
                return r;
            }
        }
        return null;
    }

    /** The code of a contained resource a reference names (a drug, a reason), or null. */
    static Code code(DomainResource owner, String reference) {
        Resource r = find(owner, reference);
        if (r instanceof Medication m) {
            return Concepts.code(m.getCode());
        }
        if (r instanceof Condition c) {
            return Concepts.code(c.getCode());
        }
        if (r instanceof Observation o) {
            return Concepts.code(o.getCode());
        }
        if (r instanceof Procedure p) {
            return Concepts.code(p.getCode());
        }
        return null;
    }
}
