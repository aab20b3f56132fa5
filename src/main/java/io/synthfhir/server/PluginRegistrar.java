package io.synthfhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Hooks the plugin into the host server: registers the operation providers and the {@link AccessInterceptor} on its
 * RestfulServer (so a HAPI JPA starter needs only {@code custom-bean-packages} and enforces the plugin's access
 * policy with no further set-up), and stores our OperationDefinitions, read from
 * {@code fhir-profiles/}, so that {@code OperationDefinition/synthesize} serves exactly the published file.
 */
@Component
class PluginRegistrar {

    private static final Logger log = LoggerFactory.getLogger(PluginRegistrar.class);

    /** The OperationDefinitions the plugin publishes, by file name under fhir-profiles/. */
    static final List<String> OPERATION_DEFINITIONS = List.of(
            "OperationDefinition-synthesize.json",
            "OperationDefinition-evaluate.json",
            "OperationDefinition-train.json");

    private final DaoRegistry daoRegistry;
    private final FhirContext fhirContext;

    PluginRegistrar(
            RestfulServer server,
            DaoRegistry daoRegistry,
            FhirContext fhirContext,
            SynthesizeProvider synthesize,
            SynthesisStatusProvider status,
            PurgeProvider purge,
            EvaluateProvider evaluate,
            TrainProvider train,
            AccessInterceptor access) {
        this.daoRegistry = daoRegistry;
        this.fhirContext = fhirContext;
        server.registerProviders(List.of(synthesize, status, purge, evaluate, train));
        server.registerInterceptor(access);
    }

    @EventListener(ApplicationReadyEvent.class)
    void publishOperationDefinitions() {
        for (String file : OPERATION_DEFINITIONS) {
            OperationDefinition definition = load(fhirContext, file);
            daoRegistry.getResourceDao(OperationDefinition.class).update(definition, new SystemRequestDetails());
            log.info("Published {} at OperationDefinition/{}", definition.getUrl(), definition.getIdPart());
        }
    }

    static OperationDefinition load(FhirContext fhirContext, String file) {
        try (InputStream in = PluginRegistrar.class.getResourceAsStream("/fhir-profiles/" + file)) {
            if (in == null) {
                throw new IllegalStateException("fhir-profiles/" + file + " is missing from the plugin jar");
            }
            return fhirContext
                    .newJsonParser()
                    .parseResource(OperationDefinition.class, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
