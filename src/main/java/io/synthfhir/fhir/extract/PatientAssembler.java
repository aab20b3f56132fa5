package io.synthfhir.fhir.extract;

import io.synthfhir.model.CareProvider;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Groups parts by patient and builds one record per Patient, in the order the Patients came. References are looked
 * up among the parts first (every key of every part), then through {@code outside} (the server's other resources:
 * a Medication, an Organization), which may be null.
 *
 * <p>A part whose subject is not a Patient of the input is skipped (counted); so is a second resource under a key
 * already read (the same resource twice). Visit placement is {@link Visits}'s.
 */
final class PatientAssembler {
    private final Map<String, Part> index = new HashMap<>();
    private final Function<String, Part> outside;
    private final Tally tally;
    private final Part.Lookup lookup;

    private PatientAssembler(Function<String, Part> outside, Tally tally) {
        this.outside = outside;
        this.tally = tally;
        this.lookup = this::find;
    }

    static List<PatientRecord> assemble(List<Part> parts, Function<String, Part> outside, Tally tally) {
        return new PatientAssembler(outside, tally).run(parts);
    }

    private List<PatientRecord> run(List<Part> parts) {
        List<Part> unique = new ArrayList<>(parts.size());
        for (Part part : parts) {
            if (!part.keys().isEmpty()
                    && index.containsKey(part.keys().iterator().next())) {
                tally.skip(part.type(), "duplicate of a resource already read under the same reference");
                continue;
            }
            part.keys().forEach(k -> index.putIfAbsent(k, part));
            unique.add(part);
        }
        Map<Part.PatientPart, Visits> byPatient = new LinkedHashMap<>();
        for (Part part : unique) {
            if (part instanceof Part.PatientPart patient) {
                byPatient.put(patient, new Visits(lookup, tally));
            }
        }
        Part.PatientPart only =
                byPatient.size() == 1 ? byPatient.keySet().iterator().next() : null;
        for (Part part : unique) {
            if (part instanceof Part.EncounterPart encounter) {
                Visits visits = owner(byPatient, encounter.patientRef(), only, part);
                if (visits != null) {
                    visits.addEncounter(encounter);
                }
            }
        }
        for (Part part : unique) {
            if (part instanceof Part.Event event) {
                Visits visits = owner(byPatient, event.patientRef(), only, part);
                if (visits != null) {
                    visits.addEvent(event);
                }
            }
        }
        List<PatientRecord> records = new ArrayList<>(byPatient.size());
        byPatient.forEach((patient, visits) -> {
            List<Encounter> encounters = visits.build();
            tally.mapped("Patient");
            tally.patient();
            records.add(new PatientRecord(
                    patient.recordId(),
                    patient.demographics(),
                    careProvider(patient, visits),
                    patient.deathTime(),
                    encounters));
        });
        return records;
    }

    private Visits owner(Map<Part.PatientPart, Visits> byPatient, String ref, Part.PatientPart only, Part part) {
        if (ref == null) {
            if (only != null) {
                tally.adjust(part.type() + ": no subject reference, given to the input's only patient");
                return byPatient.get(only);
            }
            tally.skip(part.type(), "no subject reference");
            return null;
        }
        if (find(ref, "Patient") instanceof Part.PatientPart patient && byPatient.containsKey(patient)) {
            return byPatient.get(patient);
        }
        tally.skip(part.type(), "subject is not a Patient of the input (missing, or skipped itself)");
        return null;
    }

    private Part find(String reference, String expectedType) {
        if (reference == null) {
            return null;
        }
        Part part = index.get(reference);
        if (part == null) {
            String normal = Refs.normalise(reference, expectedType);
            part = normal == null ? null : index.get(normal);
        }
        if (part == null && outside != null) {
            String normal = Refs.normalise(reference, expectedType);
            Part fetched = outside.apply(normal != null ? normal : reference);
            if (fetched != null) {
                fetched.keys().forEach(k -> index.putIfAbsent(k, fetched));
                index.putIfAbsent(reference, fetched);
            }
            part = fetched;
        }
        return part;
    }

    /**
     * The patient's general practitioner or managing organization if given, else the first encounter's service
     * provider and participant: the organisation and clinician the model keeps. Null when none resolves.
     */
    private CareProvider careProvider(Part.PatientPart patient, Visits visits) {
        List<String> refs = new ArrayList<>(patient.providerRefs());
        refs.addAll(visits.providerRefs());
        Part.OrganizationPart organization = null;
        Part.PractitionerPart practitioner = null;
        Map<Part, Boolean> seen = new IdentityHashMap<>();
        for (int i = 0; i < refs.size() && (organization == null || practitioner == null); i++) {
            Part part = find(refs.get(i), null);
            if (part == null || seen.put(part, Boolean.TRUE) != null) {
                continue;
            }
            if (part instanceof Part.OrganizationPart o && organization == null) {
                organization = o;
            } else if (part instanceof Part.PractitionerPart p && practitioner == null) {
                practitioner = p;
            } else if (part instanceof Part.RolePart role) {
                if (role.practitionerRef() != null) {
                    refs.add(role.practitionerRef());
                }
                if (role.organizationRef() != null) {
                    refs.add(role.organizationRef());
                }
            }
        }
        if (organization == null && practitioner == null) {
            return null;
        }
        return new CareProvider(
                organization == null ? null : organization.name(),
                organization == null ? null : organization.address(),
                practitioner == null ? null : practitioner.givenName(),
                practitioner == null ? null : practitioner.familyName());
    }

    /** The visit type of events that no encounter holds: each distinct time becomes a visit of its own. */
    static final Code UNATTACHED =
            new Code("https://synthfhir.io/fhir/CodeSystem/extraction", "unattached", "Recorded outside any encounter");
}
