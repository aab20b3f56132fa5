package io.synthfhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.RestfulServerUtils;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import io.synthfhir.eval.report.HtmlReportWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * {@code $evaluate} at system level, GET or POST. Only reads parameters and delegates to {@link EvaluationService};
 * answers a Parameters resource, or with {@code _format=html} the self-contained HTML report. The published
 * definition is fhir-profiles/OperationDefinition-evaluate.json.
 */
@Component
class EvaluateProvider {

    static final String OPERATION = "$evaluate";
    static final String CANONICAL = "https://synthfhir.io/fhir/OperationDefinition/evaluate";

    /** Every parameter name the operation accepts; anything else is refused by name. */
    static final Set<String> PARAMETER_NAMES = Set.of(
            "synthetic",
            "run",
            "count",
            "seed",
            "mode",
            "module",
            "gender",
            "minAge",
            "maxAge",
            "condition",
            "years",
            "heldOutShare",
            "splitSalt",
            "maxPatients",
            "threshold");

    private final EvaluationService service;
    private final FhirContext context;

    EvaluateProvider(EvaluationService service, FhirContext context) {
        this.service = service;
        this.context = context;
    }

    @Operation(
            name = OPERATION,
            idempotent = true,
            manualRequest = true,
            manualResponse = true,
            canonicalUrl = CANONICAL)
    public void evaluate(RequestDetails request) {
        OperationRequest params = OperationRequest.read(request, context, PARAMETER_NAMES);
        EvaluationService.Outcome outcome = service.evaluate(new EvaluationParameters.Raw(
                params.single("synthetic"),
                params.single("run"),
                params.single("count"),
                params.single("seed"),
                params.single("mode"),
                params.all("module"),
                params.single("gender"),
                params.single("minAge"),
                params.single("maxAge"),
                params.single("condition"),
                params.single("years"),
                params.single("heldOutShare"),
                params.single("splitSalt"),
                params.single("maxPatients"),
                params.all("threshold")));
        if (wantsHtml(request)) {
            html(new HtmlReportWriter().write(outcome.report()), request);
        } else {
            resource(EvaluationResults.toParameters(outcome), request);
        }
    }

    /** {@code _format=html} (or text/html) asks for the report page instead of a FHIR resource. */
    static boolean wantsHtml(RequestDetails request) {
        String[] format = request.getParameters().get("_format");
        if (format == null || format.length == 0) {
            return false;
        }
        String f = format[0].trim().toLowerCase(Locale.ROOT);
        return f.equals("html") || f.startsWith("text/html");
    }

    private static void html(String page, RequestDetails request) {
        var response = ((ServletRequestDetails) request).getServletResponse();
        response.setStatus(200);
        response.setContentType("text/html;charset=UTF-8");
        try (Writer out = response.getWriter()) {
            out.write(page);
        } catch (IOException e) {
            throw new InternalErrorException("Could not write the report: " + e.getMessage(), e);
        }
    }

    private static void resource(org.hl7.fhir.r4.model.Parameters parameters, RequestDetails request) {
        try {
            RestfulServerUtils.streamResponseAsResource(
                    request.getServer(), parameters, Set.of(), 200, false, false, request);
        } catch (IOException e) {
            throw new InternalErrorException("Could not write the response: " + e.getMessage(), e);
        }
    }
}
