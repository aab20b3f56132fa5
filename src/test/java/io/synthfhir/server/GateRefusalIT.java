package io.synthfhir.server;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import io.synthfhir.app.SynthFhirApplication;
import io.synthfhir.testing.CorpusBundles;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * A model that fails the privacy gate is kept, with the gate's reasons, but never served. The gate here is set so
 * strict (no synthetic record may sit closer to a training patient than to a held-out one) that no model passes.
 */
@SpringBootTest(
        classes = SynthFhirApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:synthfhir-gate-it;DB_CLOSE_DELAY=-1",
            "synthfhir.data-folder=./target/test-data-gate-it",
            "synthfhir.models.use-bundled=false",
            "synthfhir.models.gate.max-closer-to-training=0.0",
            "synthfhir.models.gate.audit-patients=200"
        })
@ActiveProfiles("test")
class GateRefusalIT {
    private static final FhirContext CTX = FhirContext.forR4Cached();

    /** Runs before the server starts (the context loads with the first test instance): no model of an earlier run. */
    @org.junit.jupiter.api.BeforeAll
    static void startWithoutModels() {
        io.synthfhir.testing.Folders.deleteRecursively(Path.of("target/test-data-gate-it"));
    }

    @LocalServerPort
    int port;

    private final HttpClient http = HttpClient.newHttpClient();

    private String base() {
        return "http://localhost:" + port + "/fhir";
    }

    private HttpResponse<String> send(String method, String url) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aModelThatFailsTheGateIsKeptWithItsReasonsButNotServed() throws Exception {
        CTX.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        CTX.getRestfulClientFactory().setSocketTimeout(600_000);
        IGenericClient client = CTX.newRestfulGenericClient(base());
        for (Bundle b : CorpusBundles.smallest(24)) {
            client.transaction().withBundle(b).execute();
        }

        HttpResponse<String> accepted = send("POST", base() + "/$train?epochs=1&seed=2&heldOutShare=0.5");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        String status = accepted.headers().firstValue("Content-Location").orElseThrow();
        HttpResponse<String> done;
        long deadline = System.currentTimeMillis() + 600_000;
        do {
            Thread.sleep(2000);
            done = send("GET", status);
        } while (done.statusCode() == 202 && System.currentTimeMillis() < deadline);

        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        Parameters result = CTX.newJsonParser().parseResource(Parameters.class, done.body());
        String model = result.getParameterValue("model").primitiveValue();
        assertThat(result.getParameterBool("activated")).isFalse();
        assertThat(result.getParameters("gateReason"))
                .extracting(p -> p.getValue().primitiveValue())
                .anyMatch(r -> r.contains("closer to training"));
        Path models = Path.of("target/test-data-gate-it/models");
        assertThat(models.resolve(model + ".zip")).exists();
        assertThat(Files.readString(models.resolve(model + ".gate.json"))).contains("\"passed\" : false");

        HttpResponse<String> gan = send("GET", base() + "/$synthesize?mode=gan&count=1");
        assertThat(gan.statusCode()).isEqualTo(400);
        assertThat(gan.body()).contains("needs a trained model");
    }
}
