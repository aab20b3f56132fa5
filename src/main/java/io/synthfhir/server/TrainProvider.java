package io.synthfhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/**
 * {@code $train} (system level, POST): learn a model from this server's own real records, asynchronously — 202 with
 * a Content-Location to poll at {@code $train-status} (202 + X-Progress while it runs, 200 + Parameters when done,
 * DELETE to cancel). Only reads parameters and delegates; the published definition is
 * fhir-profiles/OperationDefinition-train.json.
 */
@Component
class TrainProvider {

    static final String OPERATION = "$train";
    static final String STATUS = "$train-status";
    static final String CANONICAL = "https://synthfhir.io/fhir/OperationDefinition/train";

    static final Set<String> PARAMETER_NAMES = Set.of(
            "timeBudget",
            "epochs",
            "seed",
            "k",
            "epsilon",
            "delta",
            "noiseMultiplier",
            "condition",
            "heldOutShare",
            "maxPatients");

    private final TrainingService service;
    private final TrainingJobs jobs;
    private final FhirContext context;

    TrainProvider(TrainingService service, TrainingJobs jobs, FhirContext context) {
        this.service = service;
        this.jobs = jobs;
        this.context = context;
    }

    @Operation(name = OPERATION, manualRequest = true, manualResponse = true, canonicalUrl = CANONICAL)
    public void train(RequestDetails request) throws IOException {
        OperationRequest params = OperationRequest.read(request, context, PARAMETER_NAMES);
        TrainingParameters.Raw raw = new TrainingParameters.Raw(
                params.single("timeBudget"),
                params.single("epochs"),
                params.single("seed"),
                params.single("k"),
                params.single("epsilon"),
                params.single("delta"),
                params.single("noiseMultiplier"),
                params.single("condition"),
                params.single("heldOutShare"),
                params.single("maxPatients"));
        String id = service.start(raw);
        HttpServletResponse response = ((ServletRequestDetails) request).getServletResponse();
        response.setStatus(202);
        response.setHeader(Constants.HEADER_CONTENT_LOCATION, statusUrl(request, id));
        response.getWriter().close();
    }

    @Operation(name = STATUS, idempotent = true, manualResponse = true, deleteEnabled = true)
    public void status(
            @OperationParam(name = "_jobId", typeName = "string") IPrimitiveType<?> jobId, RequestDetails request)
            throws IOException {
        String id = jobId == null ? null : jobId.getValueAsString();
        HttpServletResponse response = ((ServletRequestDetails) request).getServletResponse();
        if (request.getRequestType() == RequestTypeEnum.DELETE) {
            jobs.cancel(id);
            response.setStatus(202);
            response.getWriter().close();
            return;
        }
        TrainingJobs.Status status = jobs.status(id);
        switch (status.state()) {
            case QUEUED, RUNNING -> {
                response.setStatus(202);
                response.setHeader(
                        "X-Progress",
                        status.state().name().toLowerCase(java.util.Locale.ROOT) + ": " + status.progress());
                response.setHeader(Constants.HEADER_RETRY_AFTER, "5");
                response.getWriter().close();
            }
            case CANCELLED -> throw new ResourceNotFoundException("Training job " + id + " was cancelled");
            case FAILED -> throw status.userError()
                    ? new UnprocessableEntityException("Training job " + id + " failed: " + status.error())
                    : new InternalErrorException("Training job " + id + " failed: " + status.error());
            case INTERRUPTED -> throw new InternalErrorException("Training job " + id + ": " + status.error());
            case COMPLETED -> {
                Parameters result = TrainingResults.toParameters(status);
                RestfulServerUtils.streamResponseAsResource(
                        request.getServer(), result, Set.of(), 200, false, false, request);
            }
        }
    }

    static String statusUrl(RequestDetails request, String id) {
        return request.getFhirServerBase() + "/" + STATUS + "?_jobId=" + id;
    }
}
