package io.synthfhir.server;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.HasParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.synthfhir.fhir.extract.Extraction;
import io.synthfhir.fhir.extract.ExtractionReport;
import io.synthfhir.fhir.extract.PatientRecordExtractor;
import io.synthfhir.fhir.extract.RecordIds;
import io.synthfhir.generate.RunTag;
import io.synthfhir.model.Code;
import io.synthfhir.model.PatientRecord;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.stereotype.Component;

/**
 * Streams the patient records this server holds, through its DAOs, one patient at a time: Patients are read in
 * pages (by resource pid, so the order is stable), each patient's compartment (Encounter, Condition, Observation,
 * MedicationRequest, Procedure, Immunization, AllergyIntolerance) is read, extracted into one record and handed on
 * before the next is read, so memory holds one patient's resources, never the server's. Medication, Organization,
 * Practitioner and PractitionerRole resources referenced from a compartment are read by id (and cached: they are
 * shared).
 *
 * <p>By default the real records: every resource tagged {@code synthetic-run|synthetic} is left out. A record's id is
 * the Patient's logical id, which {@link io.synthfhir.eval.CohortSplit} keys on; {@code $evaluate} and {@code $train}
 * read through this one class so that they split alike.
 */
@Component
class ServerCohortReader {
    static final int PATIENT_PAGE = 50;
    static final int EVENT_PAGE = 1000;
    static final List<String> COMPARTMENT = List.of(
            "Encounter",
            "Condition",
            "Observation",
            "MedicationRequest",
            "Procedure",
            "Immunization",
            "AllergyIntolerance");
    static final Set<String> SHARED = Set.of("Medication", "Organization", "Practitioner", "PractitionerRole");
    private static final int SHARED_CACHE = 1000;

    /** Which records. */
    enum Source {
        /** Everything not tagged synthetic: the records a hospital loaded. */
        REAL,
        /** Only what this plugin generated ({@code run}: only that run). */
        SYNTHETIC
    }

    /**
     * @param source real or synthetic records
     * @param run with {@code SYNTHETIC}, a run's tag code ({@code rules:rules-abc:seed=7}), or null for every run
     * @param condition only patients with a Condition of this code, or null
     * @param limit at most this many records (0: all)
     */
    record Selection(Source source, String run, Code condition, int limit) {
        static Selection real() {
            return new Selection(Source.REAL, null, null, 0);
        }

        static Selection synthetic(String run) {
            return new Selection(Source.SYNTHETIC, run, null, 0);
        }

        Selection limitedTo(int n) {
            return new Selection(source, run, condition, n);
        }

        Selection withCondition(Code code) {
            return new Selection(source, run, code, limit);
        }
    }

    private final DaoRegistry daos;
    private final PatientRecordExtractor extractor = new PatientRecordExtractor(RecordIds.LOGICAL_ID);

    ServerCohortReader(DaoRegistry daos) {
        this.daos = daos;
    }

    /** Every selected record, in Patient pid order, and the report of the extraction. */
    Extraction read(Selection selection) {
        List<PatientRecord> records = new ArrayList<>();
        ExtractionReport report = forEach(selection, records::add);
        return new Extraction(records, report);
    }

    /** How many patients the selection holds (before its limit), without reading them. */
    int count(Selection selection) {
        SearchParameterMap map = selected(selection);
        if (selection.condition() != null) {
            Code c = selection.condition();
            map.add(Constants.PARAM_HAS, new HasParam("Condition", "patient", "code", c.system() + "|" + c.code()));
        }
        map.setLoadSynchronous(true);
        map.setSummaryMode(ca.uhn.fhir.rest.api.SummaryEnum.COUNT);
        Integer size = daos.getResourceDao(Patient.class)
                .search(map, new SystemRequestDetails())
                .size();
        return size == null ? 0 : size;
    }

    /** Hands each selected record to {@code sink} as soon as it is read; returns the report of the whole read. */
    ExtractionReport forEach(Selection selection, Consumer<PatientRecord> sink) {
        SystemRequestDetails request = new SystemRequestDetails();
        IFhirResourceDao<Patient> patients = daos.getResourceDao(Patient.class);
        Map<String, Resource> shared = lruCache();
        ExtractionReport report = ExtractionReport.empty();
        int produced = 0;
        for (int offset = 0; ; offset += PATIENT_PAGE) {
            SearchParameterMap map = selected(selection);
            if (selection.condition() != null) {
                Code c = selection.condition();
                map.add(Constants.PARAM_HAS, new HasParam("Condition", "patient", "code", c.system() + "|" + c.code()));
            }
            List<IBaseResource> page = page(patients, map, offset, PATIENT_PAGE, request);
            for (IBaseResource p : page) {
                if (selection.limit() > 0 && produced >= selection.limit()) {
                    return report;
                }
                Extraction one = extractor.extract(
                        compartment((Patient) p, selection, request),
                        reference -> sharedResource(reference, shared, request));
                report = report.plus(one.report());
                for (PatientRecord record : one.records()) {
                    sink.accept(record);
                    produced++;
                }
            }
            if (page.size() < PATIENT_PAGE) {
                return report;
            }
        }
    }

    private List<Resource> compartment(Patient patient, Selection selection, SystemRequestDetails request) {
        List<Resource> resources = new ArrayList<>();
        resources.add(patient);
        String patientRef = "Patient/" + patient.getIdElement().getIdPart();
        for (String type : COMPARTMENT) {
            if (!daos.isResourceTypeSupported(type)) {
                continue;
            }
            IFhirResourceDao<?> dao = daos.getResourceDao(type);
            for (int offset = 0; ; offset += EVENT_PAGE) {
                SearchParameterMap map = selected(selection);
                map.add("patient", new ReferenceParam(patientRef));
                List<IBaseResource> page = page(dao, map, offset, EVENT_PAGE, request);
                page.forEach(r -> resources.add((Resource) r));
                if (page.size() < EVENT_PAGE) {
                    break;
                }
            }
        }
        return resources;
    }

    /** A search map with the tag filter of the selection. */
    private static SearchParameterMap selected(Selection selection) {
        SearchParameterMap map = new SearchParameterMap();
        if (selection.source() == Source.REAL) {
            map.add(
                    Constants.PARAM_TAG,
                    new TokenParam(RunTag.SYSTEM, RunTag.SYNTHETIC_CODE).setModifier(TokenParamModifier.NOT));
        } else {
            map.add(
                    Constants.PARAM_TAG,
                    new TokenParam(RunTag.SYSTEM, selection.run() == null ? RunTag.SYNTHETIC_CODE : selection.run()));
        }
        return map;
    }

    /** One page in resource pid order: a stable order that new writes only extend. */
    private static List<IBaseResource> page(
            IFhirResourceDao<?> dao, SearchParameterMap map, int offset, int count, SystemRequestDetails request) {
        map.setLoadSynchronous(true);
        map.setSort(new SortSpec(Constants.PARAM_PID));
        map.setOffset(offset);
        map.setCount(count);
        IBundleProvider found = dao.search(map, request);
        return found.getResources(0, count);
    }

    private Resource sharedResource(String reference, Map<String, Resource> cache, SystemRequestDetails request) {
        IdType id = new IdType(reference);
        if (!id.hasResourceType() || !id.hasIdPart() || !SHARED.contains(id.getResourceType())) {
            return null;
        }
        String key = id.getResourceType() + "/" + id.getIdPart();
        if (cache.containsKey(key)) {
            return cache.get(key);
        }
        Resource resource;
        try {
            resource =
                    (Resource) daos.getResourceDao(id.getResourceType()).read(id.toUnqualifiedVersionless(), request);
        } catch (ResourceNotFoundException | ResourceGoneException e) {
            resource = null;
        }
        cache.put(key, resource);
        return resource;
    }

    private static Map<String, Resource> lruCache() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Resource> eldest) {
                return size() > SHARED_CACHE;
            }
        };
    }
}
