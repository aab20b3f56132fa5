package io.synthfhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.CacheControlDirective;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import io.synthfhir.app.SynthFhirApplication;
import io.synthfhir.generate.RunTag;
import io.synthfhir.testing.CorpusBundles;
import io.synthfhir.testing.Folders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * The access policy on a closed server, through HTTP and the HAPI client: every guarded operation without a token
 * (401 and a Bearer challenge), with a token of the wrong scope (403), with the right one (it runs); refused requests
 * change nothing; {@code $synthesize} that only returns its Bundle needs no token.
 */
@SpringBootTest(
        classes = SynthFhirApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:synthfhir-access-it;DB_CLOSE_DELAY=-1",
            "synthfhir.data-folder=./target/test-data-access-it",
            "synthfhir.models.use-bundled=false",
            "synthfhir.access.open=false",
            "synthfhir.access.tokens[0].value=" + AccessControlIT.TRAINER,
            "synthfhir.access.tokens[0].scopes[0]=train",
            "synthfhir.access.tokens[1].value=" + AccessControlIT.READER,
            "synthfhir.access.tokens[1].scopes[0]=system/*.read",
            "synthfhir.access.tokens[2].value=" + AccessControlIT.WRITER,
            "synthfhir.access.tokens[2].scopes[0]=system/*.write"
        })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccessControlIT {
    static final String TRAINER = "trainer-token-access-0123";
    static final String READER = "reader-token-access-0123";
    static final String WRITER = "writer-token-access-0123";
    private static final FhirContext CTX = FhirContext.forR4Cached();
    private static final Path DATA = Path.of("target/test-data-access-it");
    private static boolean loaded;

    /** One guarded request: what it needs, and a token that does not grant that. */
    record Guarded(String name, String method, String path, String body, String prefer, String scope, String wrong) {}

    private static final String PERSIST_BODY = "{\"resourceType\":\"Parameters\",\"parameter\":["
            + "{\"name\":\"count\",\"valueInteger\":2},{\"name\":\"persist\",\"valueBoolean\":true}]}";

    private static final List<Guarded> GUARDED = List.of(
            new Guarded("$train", "POST", "/$train?epochs=1&timeBudget=10s", null, null, "train", READER),
            new Guarded(
                    "$train-status",
                    "GET",
                    "/$train-status?_jobId=00000000-0000-0000-0000-000000000000",
                    null,
                    null,
                    "train",
                    WRITER),
            new Guarded("$evaluate", "GET", "/$evaluate?count=2&seed=1&maxPatients=5", null, null, "evaluate", WRITER),
            new Guarded("GET persist", "GET", "/$synthesize?count=2&persist=true", null, null, "persist", READER),
            new Guarded("POST persist", "POST", "/$synthesize", PERSIST_BODY, null, "persist", TRAINER),
            new Guarded(
                    "async persist",
                    "GET",
                    "/$synthesize?count=2&persist=true",
                    null,
                    "respond-async",
                    "persist",
                    READER),
            new Guarded("$purge-synthetic", "POST", "/$purge-synthetic", null, null, "purge", READER));

    @BeforeAll
    static void startWithoutModelsOrJobs() {
        Folders.deleteRecursively(DATA);
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private IGenericClient client;

    @BeforeEach
    void loadRealPatientsOnce() {
        CTX.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        CTX.getRestfulClientFactory().setSocketTimeout(300_000);
        client = CTX.newRestfulGenericClient(base());
        synchronized (AccessControlIT.class) {
            if (!loaded) {
                // Enough real patients that an authorized $train would start: a refusal is then the policy's doing.
                for (Bundle b : CorpusBundles.smallest(TrainingService.MIN_PATIENTS)) {
                    client.transaction().withBundle(b).execute();
                }
                loaded = true;
            }
        }
    }

    private String base() {
        return "http://localhost:" + port + "/fhir";
    }

    private HttpResponse<String> send(Guarded g, String token) throws Exception {
        return send(g.method(), g.path(), g.body(), g.prefer(), token);
    }

    private HttpResponse<String> send(String method, String path, String body, String prefer, String token)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : base() + path))
                .method(
                        method,
                        body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/fhir+json");
        }
        if (prefer != null) {
            b.header("Prefer", prefer);
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static OperationOutcome.OperationOutcomeIssueComponent issue(HttpResponse<String> response) {
        return CTX.newJsonParser()
                .parseResource(OperationOutcome.class, response.body())
                .getIssueFirstRep();
    }

    /** Every file under the data folder: trained models, training job state, async job output. */
    private static List<String> files() throws Exception {
        if (!Files.isDirectory(DATA)) {
            return List.of();
        }
        try (Stream<Path> all = Files.walk(DATA)) {
            return all.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        }
    }

    private int count(String type, boolean synthetic) {
        var search = client.search().forResource(type);
        if (synthetic) {
            search = search.withTag(RunTag.SYSTEM, RunTag.SYNTHETIC_CODE);
        }
        // no-cache: HAPI answers a repeated search from its cache for a minute, which would hide a change
        return search.summaryMode(SummaryEnum.COUNT)
                .cacheControl(new CacheControlDirective().setNoCache(true))
                .returnBundle(Bundle.class)
                .execute()
                .getTotal();
    }

    @Test
    @Order(1)
    void everyGuardedOperationWithoutATokenIsRefusedWith401AndABearerChallenge() throws Exception {
        for (Guarded g : GUARDED) {
            HttpResponse<String> anonymous = send(g, null);
            HttpResponse<String> unknown = send(g, "not-a-configured-token-000");

            assertThat(anonymous.statusCode()).as(g.name()).isEqualTo(401);
            assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
                    .as(g.name())
                    .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
            assertThat(issue(anonymous).getCode()).as(g.name()).isEqualTo(OperationOutcome.IssueType.LOGIN);
            assertThat(issue(anonymous).getDiagnostics()).as(g.name()).contains("'" + g.scope() + "' scope");
            assertThat(unknown.statusCode()).as(g.name()).isEqualTo(401);
            assertThat(unknown.headers().firstValue("WWW-Authenticate"))
                    .as(g.name())
                    .hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
            assertThat(issue(unknown).getDiagnostics()).as(g.name()).contains("not recognised");
        }
        HttpResponse<String> persist = send(GUARDED.get(3), null);
        assertThat(issue(persist).getExpression())
                .as("the parameter that needs the permission")
                .hasSize(1);
        assertThat(issue(persist).getExpression().get(0).getValue()).isEqualTo("persist");
    }

    @Test
    @Order(2)
    void aTokenWithoutTheScopeIsRefusedWith403NamingTheMissingScope() throws Exception {
        for (Guarded g : GUARDED) {
            HttpResponse<String> forbidden = send(g, g.wrong());

            assertThat(forbidden.statusCode()).as(g.name()).isEqualTo(403);
            assertThat(issue(forbidden).getCode()).as(g.name()).isEqualTo(OperationOutcome.IssueType.FORBIDDEN);
            assertThat(issue(forbidden).getDiagnostics())
                    .as(g.name())
                    .contains("does not grant the '" + g.scope() + "' scope");
            assertThat(forbidden.headers().firstValue("WWW-Authenticate"))
                    .as(g.name())
                    .hasValueSatisfying(v -> assertThat(v).contains("insufficient_scope"));
        }
    }

    @Test
    @Order(3)
    void theHapiClientSeesTheRefusalsAsAuthenticationAndForbiddenErrors() {
        AuthenticationException anonymous = catchThrowableOfType(
                () -> client.operation()
                        .onServer()
                        .named("$evaluate")
                        .withParameter(Parameters.class, "count", new IntegerType(2))
                        .execute(),
                AuthenticationException.class);
        IGenericClient trainer = CTX.newRestfulGenericClient(base());
        trainer.registerInterceptor(new BearerTokenAuthInterceptor(TRAINER));
        ForbiddenOperationException forbidden = catchThrowableOfType(
                () -> trainer.operation()
                        .onServer()
                        .named("$evaluate")
                        .withParameter(Parameters.class, "count", new IntegerType(2))
                        .execute(),
                ForbiddenOperationException.class);

        assertThat(anonymous.getStatusCode()).isEqualTo(401);
        assertThat(anonymous.getMessage()).contains("'evaluate' scope");
        assertThat(forbidden.getStatusCode()).isEqualTo(403);
        assertThat(forbidden.getMessage()).contains("does not grant the 'evaluate' scope");
    }

    @Test
    @Order(4)
    void refusedRequestsStartNoJobWriteNoModelAndStoreNothing() throws Exception {
        List<String> filesBefore = files();
        int patientsBefore = count("Patient", false);
        int encountersBefore = count("Encounter", false);

        for (Guarded g : GUARDED) {
            send(g, null);
            send(g, g.wrong());
        }
        Thread.sleep(3000); // an asynchronous job, had one started, would have written its first chunk by now

        assertThat(files()).as("no training job, no model, no async job output").isEqualTo(filesBefore);
        assertThat(count("Patient", false)).isEqualTo(patientsBefore);
        assertThat(count("Encounter", false)).isEqualTo(encountersBefore);
        assertThat(count("Patient", true)).isZero();
    }

    @Test
    @Order(5)
    void synthesizeThatOnlyReturnsItsBundleNeedsNoToken() throws Exception {
        HttpResponse<String> get = send("GET", "/$synthesize?count=2&seed=3", null, null, null);
        HttpResponse<String> explicit = send("GET", "/$synthesize?count=2&seed=3&persist=false", null, null, null);
        HttpResponse<String> onPatient = send("GET", "/Patient/$synthesize?count=1", null, null, null);
        HttpResponse<String> async = send("GET", "/$synthesize?count=2", null, "respond-async", null);

        assertThat(get.statusCode()).as(get.body()).isEqualTo(200);
        assertThat(CTX.newJsonParser().parseResource(Bundle.class, get.body()).getEntry())
                .isNotEmpty();
        assertThat(explicit.statusCode()).isEqualTo(200);
        assertThat(onPatient.statusCode()).isEqualTo(200);
        assertThat(async.statusCode()).isEqualTo(202);
        String status = async.headers().firstValue("Content-Location").orElseThrow();
        assertThat(send("GET", status, null, null, null).statusCode()).isIn(200, 202);
        assertThat(count("Patient", true)).isZero();
    }

    @Test
    @Order(6)
    void withTheRightScopeEachGuardedOperationRuns() throws Exception {
        int synthetic = count("Patient", true);

        HttpResponse<String> train = send(GUARDED.get(0), TRAINER);
        String trainStatus = train.headers().firstValue("Content-Location").orElseThrow();
        HttpResponse<String> cancel = send("DELETE", trainStatus, null, null, TRAINER);
        HttpResponse<String> status = send(GUARDED.get(1), TRAINER);
        HttpResponse<String> evaluate = send(GUARDED.get(2), READER);
        HttpResponse<String> persist = send(GUARDED.get(3), WRITER);
        HttpResponse<String> posted = send(GUARDED.get(4), WRITER);

        assertThat(train.statusCode()).as(train.body()).isEqualTo(202);
        assertThat(cancel.statusCode()).isEqualTo(202);
        assertThat(status.statusCode())
                .as("past the policy: the job is unknown")
                .isEqualTo(404);
        assertThat(evaluate.statusCode()).as(evaluate.body()).isEqualTo(200);
        assertThat(CTX.newJsonParser()
                        .parseResource(Parameters.class, evaluate.body())
                        .getParameter("passed"))
                .isNotNull();
        assertThat(persist.statusCode()).as(persist.body()).isEqualTo(200);
        assertThat(CTX.newJsonParser()
                        .parseResource(Bundle.class, persist.body())
                        .getType())
                .isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(200);
        assertThat(count("Patient", true)).isEqualTo(synthetic + 4);

        IGenericClient writer = CTX.newRestfulGenericClient(base());
        writer.registerInterceptor(new BearerTokenAuthInterceptor(WRITER));
        Parameters purged = writer.operation()
                .onServer()
                .named("$purge-synthetic")
                .withNoParameters(Parameters.class)
                .execute();
        assertThat(((IntegerType) purged.getParameterValue("Patient")).getValue())
                .isEqualTo(synthetic + 4);
        assertThat(count("Patient", true)).isZero();
        assertThat(count("Patient", false)).isEqualTo(TrainingService.MIN_PATIENTS);
        awaitGone(trainStatus);
    }

    /** Waits for the cancelled training to stop, so that it does not outlive the test on a busy machine. */
    private void awaitGone(String statusUrl) throws Exception {
        List<Integer> seen = new ArrayList<>();
        for (int i = 0; i < 120; i++) {
            int code = send("GET", statusUrl, null, null, TRAINER).statusCode();
            seen.add(code);
            if (code != 202) {
                // 404: cancelled; 422: it ended first, refusing 20 tiny patients as too little to learn from
                assertThat(code).isIn(404, 422);
                return;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("the cancelled training did not stop: " + seen);
    }

    @Test
    @Order(7)
    void plainFhirReadsAndSearchesStayWithTheHostNotThePlugin() {
        Bundle patients = client.search()
                .forResource(Patient.class)
                .returnBundle(Bundle.class)
                .execute();

        assertThat(patients.getEntry()).isNotEmpty();
    }
}
