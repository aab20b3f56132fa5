package io.synthfhir.fhir;

import io.synthfhir.generate.RunTag;
import io.synthfhir.model.CareProvider;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;

/**
 * Maps domain records to FHIR R4 resources conforming to US Core 6.1.0, and assembles them into a self-contained
 * Bundle: every reference is a {@code urn:uuid:} full URL of an entry in the same bundle (unless {@code _type} left
 * the target out), so a transaction bundle POSTs into an empty server as it is. Thread-safe and stateless.
 */
public final class PatientBundleMapper {

    /** What to build: the bundle type, the resource types to keep (empty: all), "now", and the run's tag. */
    public record Options(Bundle.BundleType bundleType, Set<String> types, Instant reference, RunTag tag) {
        public Options {
            if (bundleType != Bundle.BundleType.COLLECTION && bundleType != Bundle.BundleType.TRANSACTION) {
                throw new IllegalArgumentException("bundle type must be collection or transaction, was " + bundleType);
            }
            types = types == null ? Set.of() : Set.copyOf(types);
        }

        boolean keeps(String type) {
            return types.isEmpty() || types.contains(type);
        }
    }

    public Bundle toBundle(List<PatientRecord> records, Options options) {
        Bundle bundle = new Bundle().setType(options.bundleType());
        bundle.setTimestamp(Date.from(options.reference()));
        Set<String> providersSeen = new LinkedHashSet<>();
        for (PatientRecord record : records) {
            MappingContext ctx = new MappingContext(record, options.tag(), options.reference());
            CareProvider provider = record.careProvider();
            if (provider != null && providersSeen.add(MappingContext.practitionerId(provider))) {
                add(bundle, options, CareProviderMapper.organization(ctx, provider));
                add(bundle, options, CareProviderMapper.practitioner(ctx, provider));
            }
            forEachResource(ctx, resource -> add(bundle, options, resource));
        }
        return bundle;
    }

    /** The Organization and Practitioner of a record's care provider (empty if it has none). */
    public List<Resource> providerResources(PatientRecord record, RunTag tag, Instant reference) {
        CareProvider provider = record.careProvider();
        if (provider == null) {
            return List.of();
        }
        MappingContext ctx = new MappingContext(record, tag, reference);
        return List.of(CareProviderMapper.organization(ctx, provider), CareProviderMapper.practitioner(ctx, provider));
    }

    /** Every resource of one patient (without its care provider), in bundle order. */
    public List<Resource> resources(PatientRecord record, RunTag tag, Instant reference) {
        List<Resource> out = new ArrayList<>();
        forEachResource(new MappingContext(record, tag, reference), out::add);
        return out;
    }

    private static void forEachResource(MappingContext ctx, Consumer<Resource> sink) {
        sink.accept(PatientMapper.map(ctx));
        List<Encounter> encounters = ctx.record().encounters();
        for (int i = 0; i < encounters.size(); i++) {
            Encounter e = encounters.get(i);
            String encounterId = ctx.encounterId(i);
            String prefix = "Encounter/" + i + "/";
            sink.accept(EncounterMapper.map(ctx, e, i));
            for (int j = 0; j < e.conditions().size(); j++) {
                sink.accept(ConditionMapper.map(
                        ctx, e.conditions().get(j), ctx.id(prefix + "Condition/" + j), encounterId, e));
            }
            for (int j = 0; j < e.observations().size(); j++) {
                sink.accept(ObservationMapper.map(
                        ctx, e.observations().get(j), ctx.id(prefix + "Observation/" + j), encounterId));
            }
            for (int j = 0; j < e.medications().size(); j++) {
                sink.accept(MedicationRequestMapper.map(
                        ctx, e.medications().get(j), ctx.id(prefix + "MedicationRequest/" + j), encounterId));
            }
            for (int j = 0; j < e.procedures().size(); j++) {
                sink.accept(ProcedureMapper.map(
                        ctx, e.procedures().get(j), ctx.id(prefix + "Procedure/" + j), encounterId));
            }
            for (int j = 0; j < e.immunizations().size(); j++) {
                sink.accept(ImmunizationMapper.map(
                        ctx, e.immunizations().get(j), ctx.id(prefix + "Immunization/" + j), encounterId));
            }
            for (int j = 0; j < e.allergies().size(); j++) {
                sink.accept(AllergyMapper.map(
                        ctx, e.allergies().get(j), ctx.id(prefix + "AllergyIntolerance/" + j), encounterId, e));
            }
        }
    }

    private static void add(Bundle bundle, Options options, Resource resource) {
        String type = resource.fhirType();
        if (!options.keeps(type)) {
            return;
        }
        Bundle.BundleEntryComponent entry =
                bundle.addEntry().setFullUrl("urn:uuid:" + resource.getIdPart()).setResource(resource);
        if (options.bundleType() == Bundle.BundleType.TRANSACTION) {
            Bundle.BundleEntryRequestComponent request =
                    entry.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl(type);
            // Shared providers are created once per server: re-seeding a sandbox must not multiply them.
            Identifier identifier = resource instanceof Organization o
                    ? o.getIdentifierFirstRep()
                    : resource instanceof Practitioner p ? p.getIdentifierFirstRep() : null;
            if (identifier != null) {
                request.setIfNoneExist("identifier=" + identifier.getSystem() + "|" + identifier.getValue());
            }
        }
    }
}
