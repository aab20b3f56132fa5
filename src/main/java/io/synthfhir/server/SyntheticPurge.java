package io.synthfhir.server;

import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.model.ExpungeOptions;
import ca.uhn.fhir.jpa.dao.tx.IHapiTransactionService;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.param.TokenParamModifier;
import io.synthfhir.generate.RunTag;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IIdType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Deletes the resources carrying one synthetic-run tag code, all of them in ONE database transaction: a failure
 * anywhere (a delete conflict on a host that enforces referential integrity, a lost connection) rolls every delete
 * back, so a purge never leaves half a cohort. Referencing types go first. The shared care providers
 * (Organization, Practitioner, created once per server and tagged with the run that first needed them) are kept while
 * a resource outside the purged set still references them, so a purge never leaves a dangling reference.
 * With {@code expunge}, the deleted resources' versions are then removed from the history too, each resource on its
 * own (HAPI's expunge runs in its own transactions): the purge is already whole by then; an expunge stopped half way
 * leaves only history versions, never a readable resource.
 */
@Service
class SyntheticPurge {

    private static final Logger log = LoggerFactory.getLogger(SyntheticPurge.class);

    /** Deletion order: resources that reference others before what they reference. */
    static final List<String> ORDER = List.of(
            "Observation",
            "Condition",
            "MedicationRequest",
            "Procedure",
            "Immunization",
            "AllergyIntolerance",
            "Encounter",
            "Patient",
            "Practitioner",
            "Organization");

    /** A search parameter by which a generated resource points at a shared care provider. */
    private record Referrer(String type, String parameter) {}

    private static final Map<String, List<Referrer>> REFERRERS = Map.of(
            "Organization",
            List.of(new Referrer("Encounter", "service-provider")),
            "Practitioner",
            List.of(new Referrer("Encounter", "participant"), new Referrer("MedicationRequest", "requester")));

    /** What a purge did: deleted and kept (still referenced) resources by type, in deletion order. */
    record Result(Map<String, Integer> deleted, Map<String, Integer> kept, boolean expunged) {
        int total() {
            return deleted.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private final DaoRegistry daoRegistry;
    private final IHapiTransactionService transactions;
    private final JpaStorageSettings storageSettings;

    SyntheticPurge(DaoRegistry daoRegistry, IHapiTransactionService transactions, JpaStorageSettings storageSettings) {
        this.daoRegistry = daoRegistry;
        this.transactions = transactions;
        this.storageSettings = storageSettings;
    }

    /** Purges every resource tagged {@code RunTag.SYSTEM|code}; {@code code} is checked by the caller. */
    Result purge(String code, boolean expunge) {
        if (expunge && !storageSettings.isExpungeEnabled()) {
            throw OperationOutcomes.invalid(
                    "expunge",
                    "true",
                    "false: this server does not allow expunge (HAPI JpaStorageSettings.expungeEnabled is off);"
                            + " nothing was deleted");
        }
        long started = System.currentTimeMillis();
        SystemRequestDetails system = new SystemRequestDetails();
        Map<String, List<IIdType>> deleted = new LinkedHashMap<>();
        Map<String, Integer> kept = new LinkedHashMap<>();
        transactions.withSystemRequest().execute(() -> {
            deleted.clear();
            kept.clear();
            for (String type : ORDER) {
                if (!daoRegistry.isResourceTypeSupported(type)) {
                    continue;
                }
                IFhirResourceDao<?> dao = daoRegistry.getResourceDao(type);
                List<IIdType> gone = new ArrayList<>();
                int stays = 0;
                for (IIdType id : dao.searchForResourceIds(
                        SearchParameterMap.newSynchronous(Constants.PARAM_TAG, new TokenParam(RunTag.SYSTEM, code)),
                        system)) {
                    IIdType versionless = id.toUnqualifiedVersionless();
                    if (referencedOutside(type, versionless, code, system)) {
                        stays++;
                        continue;
                    }
                    dao.delete(versionless, system);
                    gone.add(versionless);
                }
                deleted.put(type, gone);
                kept.put(type, stays);
            }
        });
        if (expunge) {
            ExpungeOptions options =
                    new ExpungeOptions().setExpungeDeletedResources(true).setExpungeOldVersions(true);
            deleted.forEach((type, ids) -> {
                IFhirResourceDao<?> dao = daoRegistry.getResourceDao(type);
                ids.forEach(id -> dao.expunge(id, options, system));
            });
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        deleted.forEach((type, ids) -> counts.put(type, ids.size()));
        Result result = new Result(counts, kept, expunge);
        log.info(
                "Purged {} resources tagged {}|{}{} in {} ms: {}; kept {} shared providers still referenced",
                result.total(),
                RunTag.SYSTEM,
                code,
                expunge ? " (expunged)" : "",
                System.currentTimeMillis() - started,
                counts,
                kept.values().stream().mapToInt(Integer::intValue).sum());
        return result;
    }

    /** Whether a resource without the purged tag references this shared care provider. */
    private boolean referencedOutside(String type, IIdType id, String code, SystemRequestDetails system) {
        for (Referrer referrer : REFERRERS.getOrDefault(type, List.of())) {
            if (!daoRegistry.isResourceTypeSupported(referrer.type())) {
                continue;
            }
            SearchParameterMap outside = SearchParameterMap.newSynchronous(
                            referrer.parameter(), new ReferenceParam(id.getValue()))
                    .add(Constants.PARAM_TAG, new TokenParam(RunTag.SYSTEM, code).setModifier(TokenParamModifier.NOT));
            outside.setLoadSynchronousUpTo(1);
            if (!daoRegistry
                    .getResourceDao(referrer.type())
                    .searchForResourceIds(outside, system)
                    .isEmpty()) {
                return true;
            }
        }
        return false;
    }
}
