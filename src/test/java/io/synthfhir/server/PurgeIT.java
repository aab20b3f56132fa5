package io.synthfhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.synthfhir.app.SynthFhirApplication;
import io.synthfhir.generate.RunTag;
import io.synthfhir.testing.CorpusBundles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code $purge-synthetic} on a server holding real Synthea patients and two persisted synthetic runs: a bad request
 * deletes nothing, one run's purge removes exactly that run's resources (keeping shared care providers another run
 * still references), the full purge with expunge leaves exactly the real records; and {@code $synthesize} never
 * answers with a stored record.
 */
@SpringBootTest(
        classes = SynthFhirApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:synthfhir-purge-it;DB_CLOSE_DELAY=-1",
            "synthfhir.data-folder=./target/test-data-purge-it",
            "synthfhir.models.use-bundled=false",
            "synthfhir.access.open=true"
        })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PurgeIT {
    private static final FhirContext CTX = FhirContext.forR4Cached();
    private static final int REAL_PATIENTS = 8;
    /** HAPI answers a repeated search from its cache for a minute, which would hide what a purge changed. */
    private static final CacheControlDirective NO_CACHE = new CacheControlDirective().setNoCache(true);

    private static final String NOT_SYNTHETIC = "_tag:not=" + RunTag.SYSTEM + "|" + RunTag.SYNTHETIC_CODE;

    /** Every resource type the test counts: those of the real bundles and those the generator writes. */
    private static final Set<String> TYPES = new TreeSet<>(SyntheticPurge.ORDER);

    private static boolean loaded;
    private static String runA;
    private static String runB;
    private static Map<String, Integer> realLoaded;
    private static List<String> realIdentifiers;

    @LocalServerPort
    int port;

    private IGenericClient client;

    @BeforeEach
    void loadRealPatientsAndTwoSyntheticRunsOnce() {
        CTX.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        CTX.getRestfulClientFactory().setSocketTimeout(300_000);
        client = CTX.newRestfulGenericClient("http://localhost:" + port + "/fhir");
        synchronized (PurgeIT.class) {
            if (loaded) {
                return;
            }
            List<Bundle> real = CorpusBundles.smallest(REAL_PATIENTS);
            for (Bundle b : real) {
                b.getEntry().forEach(e -> TYPES.add(e.getResource().fhirType()));
                client.transaction().withBundle(b).execute();
            }
            realIdentifiers = real.stream()
                    .flatMap(b -> b.getEntry().stream())
                    .map(Bundle.BundleEntryComponent::getResource)
                    .filter(Patient.class::isInstance)
                    .flatMap(p -> ((Patient) p).getIdentifier().stream())
                    .map(i -> i.getValue())
                    .toList();
            realLoaded = counts(NOT_SYNTHETIC);
            runA = persist(101, 3, 5);
            // More patients with a shorter history: among 30 clinics, some of run A's are bound to come again.
            runB = persist(202, 10, 1);
            loaded = true;
        }
    }

    /** Persists rule-generated patients with {@code seed}; returns the run's tag code. */
    private String persist(long seed, int count, int years) {
        Bundle response = client.operation()
                .onServer()
                .named("$synthesize")
                .withParameter(Parameters.class, "count", new IntegerType(count))
                .andParameter("seed", new StringType(String.valueOf(seed)))
                .andParameter("years", new IntegerType(years))
                .andParameter("persist", new BooleanType(true))
                .returnResourceType(Bundle.class)
                .execute();
        String location = response.getEntry().stream()
                .map(e -> e.getResponse().getLocation())
                .filter(l -> l.startsWith("Patient/"))
                .findFirst()
                .orElseThrow();
        Patient patient = client.read()
                .resource(Patient.class)
                .withId(location.split("/")[1])
                .execute();
        return patient.getMeta().getTag().stream()
                .filter(t -> RunTag.SYSTEM.equals(t.getSystem()) && !RunTag.SYNTHETIC_CODE.equals(t.getCode()))
                .map(Coding::getCode)
                .findFirst()
                .orElseThrow();
    }

    private int count(String type, String query) {
        return client.search()
                .byUrl(type + "?" + (query.isEmpty() ? "" : query + "&") + "_summary=count")
                .cacheControl(NO_CACHE)
                .returnBundle(Bundle.class)
                .execute()
                .getTotal();
    }

    /** The count of every type in {@link #TYPES} for a search query. */
    private Map<String, Integer> counts(String query) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        TYPES.forEach(type -> counts.put(type, count(type, query)));
        return counts;
    }

    private static String tag(String code) {
        return "_tag=" + RunTag.SYSTEM + "|" + code;
    }

    private Parameters purge(Object... nameValues) {
        Parameters in = new Parameters();
        for (int i = 0; i < nameValues.length; i += 2) {
            in.addParameter().setName((String) nameValues[i]).setValue(new StringType((String) nameValues[i + 1]));
        }
        return client.operation()
                .onServer()
                .named("$purge-synthetic")
                .withParameters(in)
                .execute();
    }

    private static int value(Parameters p, String name) {
        return ((IntegerType) p.getParameterValue(name)).getValue();
    }

    private List<String> ids(String type, String query) {
        return resources(type, query).stream()
                .map(r -> r.getIdElement().getIdPart())
                .toList();
    }

    /** Every resource a search finds, page after page. */
    private List<Resource> resources(String type, String query) {
        List<Resource> found = new ArrayList<>();
        Bundle page = client.search()
                .byUrl(type + "?" + query + "&_count=500")
                .cacheControl(NO_CACHE)
                .returnBundle(Bundle.class)
                .execute();
        while (true) {
            page.getEntry().forEach(e -> found.add(e.getResource()));
            if (page.getLink(Bundle.LINK_NEXT) == null) {
                return found;
            }
            page = client.loadPage().next(page).execute();
        }
    }

    @Test
    @Order(1)
    void synthesizeNeverAnswersWithAStoredRecord() {
        // The seed of a persisted run: the answer is generated again, fresh, never read back from the store.
        Bundle answer = client.operation()
                .onServer()
                .named("$synthesize")
                .withParameter(Parameters.class, "count", new IntegerType(3))
                .andParameter("seed", new StringType("101"))
                .andParameter("years", new IntegerType(5))
                .returnResourceType(Bundle.class)
                .execute();

        assertThat(answer.getEntry()).isNotEmpty();
        for (Bundle.BundleEntryComponent e : answer.getEntry()) {
            Resource r = e.getResource();
            assertThat(e.getFullUrl()).startsWith("urn:uuid:");
            assertThat(r.getMeta().getTag(RunTag.SYSTEM, RunTag.SYNTHETIC_CODE)).isNotNull();
            assertThatThrownBy(() -> client.read()
                            .resource(r.fhirType())
                            .withId(r.getIdPart())
                            .execute())
                    .as("%s/%s is not a stored resource", r.fhirType(), r.getIdPart())
                    .isInstanceOf(ResourceNotFoundException.class);
        }
        List<String> answered = answer.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(Patient.class::isInstance)
                .flatMap(p -> ((Patient) p).getIdentifier().stream())
                .map(i -> i.getValue())
                .toList();
        assertThat(answered).isNotEmpty().doesNotContainAnyElementsOf(realIdentifiers);
    }

    @Test
    @Order(2)
    void aMalformedRunOrExpungeIsRefusedWith400AndDeletesNothing() {
        Map<String, Integer> before = counts(tag(RunTag.SYNTHETIC_CODE));

        for (String[] bad : List.of(
                new String[] {"run", "nonsense"},
                new String[] {"run", "rules:x:seed=1,synthetic"},
                new String[] {"run", "rules:x:seed=1|x"},
                new String[] {"run", "synthetic"},
                new String[] {"expunge", "maybe"},
                new String[] {"tag", runA})) {
            assertThatThrownBy(() -> purge(bad[0], bad[1]))
                    .as(bad[0] + "=" + bad[1])
                    .isInstanceOfSatisfying(InvalidRequestException.class, e -> {
                        OperationOutcome oo = (OperationOutcome) e.getOperationOutcome();
                        assertThat(oo.getIssueFirstRep().getExpression().get(0).getValue())
                                .isEqualTo(bad[0]);
                        assertThat(oo.getIssueFirstRep().getDiagnostics())
                                .contains(bad[0].equals("tag") ? "Unknown parameter 'tag'" : bad[1]);
                    });
        }
        Parameters none = purge("run", "rules:no-such-version:seed=1");

        assertThat(value(none, "total")).isZero();
        assertThat(counts(tag(RunTag.SYNTHETIC_CODE))).isEqualTo(before);
        assertThat(before.get("Patient")).isEqualTo(13);
    }

    @Test
    @Order(3)
    void purgingOneRunRemovesExactlyItsResourcesAndKeepsProvidersTheOtherRunUses() {
        Map<String, Integer> a = counts(tag(runA));
        Map<String, Integer> b = counts(tag(runB));
        Map<String, Integer> real = counts(NOT_SYNTHETIC);
        String patientA = ids("Patient", tag(runA)).get(0);

        Parameters result = purge("run", runA);

        int kept = 0;
        for (String type : SyntheticPurge.ORDER) {
            int deleted = value(result, type);
            int left = count(type, tag(runA));
            assertThat(deleted + left).as(type).isEqualTo(a.get(type));
            if (left > 0) {
                assertThat(type).as("only shared providers stay").isIn("Organization", "Practitioner");
            }
            kept += left;
        }
        assertThat(value(result, "kept"))
                .as("run B uses some of run A's providers")
                .isEqualTo(kept)
                .isPositive();
        assertThat(value(result, "Patient")).isEqualTo(3);
        assertThat(value(result, "total"))
                .isEqualTo(a.values().stream().mapToInt(i -> i).sum() - kept);
        assertThat(counts(tag(runB))).as("the other run is untouched").isEqualTo(b);
        assertThat(counts(NOT_SYNTHETIC))
                .as("every real resource remains")
                .isEqualTo(real)
                .isEqualTo(realLoaded);
        assertThat(unresolvedProviderReferences()).as("no dangling reference").isEmpty();
        assertThatThrownBy(() ->
                        client.read().resource(Patient.class).withId(patientA).execute())
                .as("deleted, its versions kept in the history")
                .isInstanceOf(ResourceGoneException.class);
    }

    /** References from the stored Encounters and MedicationRequests to care providers that cannot be read. */
    private List<String> unresolvedProviderReferences() {
        List<Reference> refs = new ArrayList<>();
        for (Resource r : resources("Encounter", tag(runB))) {
            Encounter e = (Encounter) r;
            refs.add(e.getServiceProvider());
            e.getParticipant().forEach(p -> refs.add(p.getIndividual()));
        }
        for (Resource r : resources("MedicationRequest", tag(runB))) {
            refs.add(((MedicationRequest) r).getRequester());
        }
        List<String> unresolved = new ArrayList<>();
        for (String ref : refs.stream()
                .filter(Reference::hasReference)
                .map(Reference::getReference)
                .collect(Collectors.toCollection(TreeSet::new))) {
            try {
                IBaseResource read = client.read()
                        .resource(ref.split("/")[0])
                        .withId(ref.split("/")[1])
                        .execute();
                assertThat(read).isNotNull();
            } catch (ResourceNotFoundException | ResourceGoneException e) {
                unresolved.add(ref);
            }
        }
        assertThat(refs).as("the runs reference care providers").isNotEmpty();
        return unresolved;
    }

    @Test
    @Order(4)
    void purgingEverySyntheticResourceWithExpungeLeavesExactlyTheRealRecords() {
        Map<String, Integer> synthetic = counts(tag(RunTag.SYNTHETIC_CODE));
        String patientB = ids("Patient", tag(runB)).get(0);

        Parameters result = purge("expunge", "true");

        assertThat(value(result, "total"))
                .isEqualTo(synthetic.values().stream().mapToInt(i -> i).sum());
        assertThat(value(result, "kept")).isZero();
        assertThat(result.getParameterBool("expunged")).isTrue();
        assertThat(counts(tag(RunTag.SYNTHETIC_CODE)).values()).allMatch(n -> n == 0);
        assertThat(counts(NOT_SYNTHETIC)).isEqualTo(realLoaded);
        assertThat(counts("")).as("nothing but the real records").isEqualTo(realLoaded);
        assertThat(realLoaded.get("Patient")).isEqualTo(REAL_PATIENTS);
        assertThatThrownBy(() ->
                        client.read().resource(Patient.class).withId(patientB).execute())
                .as("expunged: no version left")
                .isInstanceOf(ResourceNotFoundException.class)
                .isNotInstanceOf(ResourceGoneException.class);
    }
}
