package io.synthfhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.synthfhir.app.SynthFhirApplication;
import io.synthfhir.generate.RunTag;
import io.synthfhir.testing.CorpusBundles;
import io.synthfhir.testing.UsCoreValidator;
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
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code $train} end to end on a closed server: real Synthea patients loaded by transaction, refused without the
 * train scope (and nothing changes), trained with it, polled to completion, audited by the privacy gate, and then
 * served by {@code $synthesize} mode=gan and mode=hybrid with output that conforms to US Core.
 */
@SpringBootTest(
        classes = SynthFhirApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:synthfhir-train-it;DB_CLOSE_DELAY=-1",
            "synthfhir.data-folder=./target/test-data-train-it",
            "synthfhir.models.use-bundled=false",
            "synthfhir.access.open=false",
            "synthfhir.access.tokens[0].value=" + TrainIT.TRAINER,
            "synthfhir.access.tokens[0].scopes[0]=train",
            "synthfhir.access.tokens[1].value=" + TrainIT.READER,
            "synthfhir.access.tokens[1].scopes[0]=evaluate"
        })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TrainIT {
    static final String TRAINER = "trainer-token-0123456789";
    static final String READER = "reader-token-0123456789";
    static final int PATIENTS = 30;
    private static final FhirContext CTX = FhirContext.forR4Cached();
    private static final Path MODELS = Path.of("target/test-data-train-it/models");
    private static boolean loaded;

    /** Runs before the server starts (the context loads with the first test instance): no model of an earlier run. */
    @org.junit.jupiter.api.BeforeAll
    static void startWithoutModels() {
        io.synthfhir.testing.Folders.deleteRecursively(Path.of("target/test-data-train-it"));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();
    private IGenericClient client;

    @BeforeEach
    void loadRealPatientsOnce() {
        CTX.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        CTX.getRestfulClientFactory().setSocketTimeout(600_000);
        client = CTX.newRestfulGenericClient(base());
        client.registerInterceptor(new BearerTokenAuthInterceptor(TRAINER));
        synchronized (TrainIT.class) {
            if (!loaded) {
                for (Bundle b : CorpusBundles.smallest(PATIENTS)) {
                    client.transaction().withBundle(b).execute();
                }
                loaded = true;
            }
        }
    }

    private String base() {
        return "http://localhost:" + port + "/fhir";
    }

    private HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base() + path)).POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> call(String method, String url, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(url)).method(method, HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> models() throws Exception {
        if (!Files.isDirectory(MODELS)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(MODELS)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".zip"))
                    .sorted()
                    .toList();
        }
    }

    /** Polls a status URL until it stops answering 202; returns the final response. */
    private HttpResponse<String> poll(String statusUrl) throws Exception {
        long deadline = System.currentTimeMillis() + 900_000;
        while (true) {
            HttpResponse<String> r = call("GET", statusUrl, TRAINER);
            if (r.statusCode() != 202 || System.currentTimeMillis() > deadline) {
                return r;
            }
            assertThat(r.headers().firstValue("X-Progress")).isPresent();
            Thread.sleep(2000);
        }
    }

    @Test
    @Order(1)
    void withoutTheTrainScopeTrainingIsRefusedAndNothingChanges() throws Exception {
        List<String> before = models();

        HttpResponse<String> anonymous = post("/$train?epochs=1", null);
        HttpResponse<String> reader = post("/$train?epochs=1", READER);

        assertThat(anonymous.statusCode()).isEqualTo(401);
        assertThat(anonymous.headers().firstValue("WWW-Authenticate")).isPresent();
        assertThat(anonymous.body()).contains("OperationOutcome").contains("'train' scope");
        assertThat(reader.statusCode()).isEqualTo(403);
        assertThat(reader.body()).contains("does not grant the 'train' scope");
        assertThat(models()).isEqualTo(before);
        assertThat(call("GET", base() + "/$synthesize?mode=gan&count=1", null).statusCode())
                .as("no model is served before training (the bundled one is switched off here)")
                .isEqualTo(400);
    }

    @Test
    @Order(2)
    void badRequestsAreRefusedAtOnceByName() throws Exception {
        HttpResponse<String> both = post("/$train?epsilon=3&noiseMultiplier=1.1", TRAINER);
        HttpResponse<String> nobody = post("/$train?condition=999999999", TRAINER);

        assertThat(both.statusCode()).isEqualTo(400);
        assertThat(both.body()).contains("noiseMultiplier");
        assertThat(nobody.statusCode()).isEqualTo(422);
        assertThat(nobody.body()).contains("needs at least 20 real").contains("holds 0");
    }

    @Test
    @Order(3)
    void aCancelledTrainingStopsAndLeavesNoModel() throws Exception {
        List<String> before = models();
        HttpResponse<String> accepted = post("/$train?timeBudget=10m&seed=5&heldOutShare=0.4", TRAINER);
        assertThat(accepted.statusCode()).isEqualTo(202);
        String status = accepted.headers().firstValue("Content-Location").orElseThrow();

        assertThat(call("DELETE", status, TRAINER).statusCode()).isEqualTo(202);

        assertThat(poll(status).statusCode()).isEqualTo(404);
        assertThat(models()).isEqualTo(before);
    }

    @Test
    @Order(4)
    void trainedModelPassesTheGateAndServesGanAndHybridPatientsThatConformToUsCore() throws Exception {
        HttpResponse<String> accepted = post("/$train?epochs=2&timeBudget=10m&seed=11&heldOutShare=0.4", TRAINER);
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);

        HttpResponse<String> done =
                poll(accepted.headers().firstValue("Content-Location").orElseThrow());

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        Parameters result = CTX.newJsonParser().parseResource(Parameters.class, done.body());
        String model = result.getParameterValue("model").primitiveValue();
        assertThat(result.getParameterBool("activated"))
                .as("gate reasons: %s", result.getParameters("gateReason"))
                .isTrue();
        assertThat(result.getParameters("privacy"))
                .extracting(p -> p.getPart().get(0).getValue().primitiveValue())
                .contains("privacy.exact-copies", "privacy.mia.accuracy", "privacy.dcr.closer-to-training");
        assertThat(models()).contains(model + ".zip");

        for (String mode : List.of("gan", "hybrid")) {
            Bundle bundle = client.operation()
                    .onServer()
                    .named("$synthesize")
                    .withParameter(Parameters.class, "count", new org.hl7.fhir.r4.model.IntegerType(5))
                    .andParameter("mode", new org.hl7.fhir.r4.model.StringType(mode))
                    .andParameter("seed", new org.hl7.fhir.r4.model.StringType("3"))
                    .returnResourceType(Bundle.class)
                    .execute();
            List<String> errors = new ArrayList<>();
            for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
                Resource r = e.getResource();
                List<Coding> tags = r.getMeta().getTag();
                assertThat(tags)
                        .anyMatch(t -> RunTag.SYSTEM.equals(t.getSystem())
                                && t.getCode().startsWith(mode + ":")
                                && t.getCode().contains(model));
                UsCoreValidator.get().errors(r).forEach(m -> errors.add(r.fhirType() + ": " + m));
            }
            assertThat(bundle.getEntry()).isNotEmpty();
            assertThat(errors).as(mode).isEmpty();
        }
    }
}
