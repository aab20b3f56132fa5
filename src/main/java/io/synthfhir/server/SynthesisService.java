package io.synthfhir.server;

import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.generate.RunTag;
import io.synthfhir.model.PatientRecord;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.stereotype.Service;

/**
 * What {@code $synthesize} does: check the request whole, then generate, map and either return or persist the
 * cohort; or hand a large request to an asynchronous job. Nothing is written unless everything succeeded.
 */
@Service
class SynthesisService {

    private final SynthFhirProperties properties;
    private final SynthesisParameters parameters;
    private final GeneratorRegistry generators;
    private final CohortRunner runner;
    private final BundleAssembler assembler;
    private final SynthesisPersister persister;
    private final SynthesisJobs jobs;
    private final Clock clock;
    private final SplittableRandom seedSource = new SplittableRandom(new SecureRandom().nextLong());

    SynthesisService(
            SynthFhirProperties properties,
            GeneratorRegistry generators,
            CohortRunner runner,
            BundleAssembler assembler,
            SynthesisPersister persister,
            SynthesisJobs jobs,
            Clock clock) {
        this.properties = properties;
        this.parameters = new SynthesisParameters(properties.maxCount());
        this.generators = generators;
        this.runner = runner;
        this.assembler = assembler;
        this.persister = persister;
        this.jobs = jobs;
        this.clock = clock;
    }

    void handle(SynthesisParameters.Raw raw, RequestDetails request) {
        SynthesisRequest parsed;
        PatientGenerator generator;
        try {
            parsed = parse(raw);
            generator = generators.forMode(parsed.mode());
            generator.check(parsed.cohort());
        } catch (InvalidParameterException e) {
            throw OperationOutcomes.invalid(e);
        }
        if (wantsAsync(request)) {
            respond(jobs.start(parsed, request), request);
            return;
        }
        if (parsed.count() > properties.syncLimit()) {
            throw OperationOutcomes.invalid(new InvalidParameterException(
                    "count",
                    String.valueOf(parsed.count()),
                    "at most " + properties.syncLimit() + " in a synchronous request; for more, send the header"
                            + " 'Prefer: respond-async' and poll the Content-Location it returns"));
        }
        IBaseResource result = synthesize(parsed, generator);
        respond(result, request);
    }

    /** Generates and maps (or persists) a whole cohort synchronously. */
    IBaseResource synthesize(SynthesisRequest request, PatientGenerator generator) {
        RunTag tag = RunTag.of(generator, request.cohort().seed());
        List<PatientRecord> records = runner.generate(generator, request.cohort(), 0, request.count());
        if (request.persist()) {
            return persister.persist(assembler.transaction(records, request, tag));
        }
        return assembler.bundle(records, request, tag);
    }

    SynthesisRequest parse(SynthesisParameters.Raw raw) {
        LocalDate today = properties.referenceDate() != null ? properties.referenceDate() : LocalDate.now(clock);
        synchronized (seedSource) {
            return parameters.parse(raw, today, seedSource);
        }
    }

    private static boolean wantsAsync(RequestDetails request) {
        String prefer = request.getHeader(Constants.HEADER_PREFER);
        return prefer != null
                && prefer.toLowerCase(java.util.Locale.ROOT).contains(Constants.HEADER_PREFER_RESPOND_ASYNC);
    }

    private static void respond(IBaseResource resource, RequestDetails request) {
        try {
            RestfulServerUtils.streamResponseAsResource(
                    request.getServer(), resource, java.util.Set.of(), 200, false, false, request);
        } catch (IOException e) {
            throw new InternalErrorException("Could not write the response: " + e.getMessage(), e);
        }
    }

    private static void respond(SynthesisJobs.Accepted accepted, RequestDetails request) {
        var response = ((ca.uhn.fhir.rest.server.servlet.ServletRequestDetails) request).getServletResponse();
        response.setStatus(202);
        response.setHeader(Constants.HEADER_CONTENT_LOCATION, accepted.statusUrl());
        try {
            response.getWriter().close();
        } catch (IOException e) {
            throw new InternalErrorException("Could not write the response: " + e.getMessage(), e);
        }
    }
}
