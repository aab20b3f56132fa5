package io.synthfhir.server;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import io.synthfhir.generate.InvalidParameterException;
import org.hl7.fhir.r4.model.OperationOutcome;

/** Errors a caller can act on: an OperationOutcome naming the parameter, the value given and what is allowed. */
final class OperationOutcomes {
    private OperationOutcomes() {}

    static InvalidRequestException invalid(InvalidParameterException e) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.INVALID)
                .setDiagnostics(e.getMessage());
        issue.getDetails().setText(e.getMessage());
        issue.addExpression(e.parameter());
        InvalidRequestException exception = new InvalidRequestException(e.getMessage(), outcome);
        exception.initCause(e);
        return exception;
    }

    static InvalidRequestException invalid(String parameter, String value, String allowed) {
        return invalid(new InvalidParameterException(parameter, value, allowed));
    }

    /**
     * 422: the request is well formed but the data cannot answer it (no real records to compare with, code systems
     * that do not meet); {@code expression} names the parameter or the data at fault.
     */
    static UnprocessableEntityException unprocessable(String expression, String message) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(OperationOutcome.IssueType.PROCESSING)
                .setDiagnostics(message);
        issue.getDetails().setText(message);
        issue.addExpression(expression);
        return new UnprocessableEntityException(message, outcome);
    }
}
