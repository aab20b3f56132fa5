package io.synthfhir.server;

import ca.uhn.fhir.rest.server.exceptions.AuthenticationException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Who holds which {@link Permission}: the configured bearer tokens ({@code synthfhir.access.*}) and their scopes.
 * {@link AccessInterceptor} decides which requests need a permission and asks here. 401 (with
 * {@code WWW-Authenticate: Bearer}) without a token or with one that is not configured, 403 with a token that lacks
 * the scope; both an OperationOutcome naming the scope that is missing.
 */
@Component
class AccessPolicy {

    private static final Logger log = LoggerFactory.getLogger(AccessPolicy.class);
    private static final String REALM = "synthfhir";

    private final SynthFhirProperties.Access access;

    AccessPolicy(SynthFhirProperties properties, Environment environment) {
        if (environment.containsProperty("synthfhir.security.open")
                || environment.containsProperty("synthfhir.security.tokens[0].value")) {
            // Fail rather than silently fall back to "closed, no tokens" (or worse, ignore a token list).
            throw new IllegalStateException(
                    "synthfhir.security.* was renamed to synthfhir.access.* (open, tokens): see docs/access.md");
        }
        this.access = properties.access();
        if (access.open()) {
            log.warn("Access is OPEN (synthfhir.access.open=true): anyone who can reach this server may $train and"
                    + " $evaluate on its records, persist into it and purge; set synthfhir.access.open=false and"
                    + " configure tokens before it holds real records or is reachable by others (docs/access.md)");
        } else {
            log.info(
                    "Access is closed: $train, $evaluate, persist=true and $purge-synthetic need a bearer token;"
                            + " {} token(s) configured",
                    access.tokens().size());
        }
    }

    boolean open() {
        return access.open();
    }

    /**
     * Returns if the {@code Authorization} header carries a configured token granting {@code permission}.
     *
     * @param parameter the request parameter that made the request need it ({@code persist}), or null
     * @throws AuthenticationException 401 without a bearer token or with an unknown one
     * @throws ForbiddenOperationException 403 with a token that does not grant the permission
     */
    void require(String authorization, Permission permission, String parameter) {
        if (access.open()) {
            return;
        }
        String what = parameter == null ? "This operation" : "This operation with '" + parameter + "'";
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw refuse(
                    new AuthenticationException(what + " needs the " + permission.describe()
                            + ": send 'Authorization: Bearer <token>' with a token configured under"
                            + " synthfhir.access.tokens"),
                    OperationOutcome.IssueType.LOGIN,
                    parameter,
                    "Bearer realm=\"" + REALM + "\"");
        }
        String presented = authorization.substring(7).trim();
        SynthFhirProperties.Token token = access.tokens().stream()
                .filter(t -> constantTimeEquals(t.value(), presented))
                .findFirst()
                .orElse(null);
        if (token == null) {
            throw refuse(
                    new AuthenticationException("The bearer token is not recognised: " + what.toLowerCase()
                            + " needs a token configured under synthfhir.access.tokens that grants the "
                            + permission.describe()),
                    OperationOutcome.IssueType.LOGIN,
                    parameter,
                    "Bearer realm=\"" + REALM + "\", error=\"invalid_token\"");
        }
        if (token.scopes().stream().noneMatch(permission::grantedBy)) {
            throw refuse(
                    new ForbiddenOperationException("The bearer token does not grant the '" + permission.scope()
                            + "' scope this operation needs (it grants " + String.join(", ", token.scopes())
                            + "; accepted: the " + permission.describe() + ")"),
                    OperationOutcome.IssueType.FORBIDDEN,
                    parameter,
                    "Bearer realm=\"" + REALM + "\", error=\"insufficient_scope\", scope=\"" + permission.scope()
                            + "\"");
        }
    }

    private static BaseServerResponseException refuse(
            BaseServerResponseException e, OperationOutcome.IssueType type, String parameter, String challenge) {
        OperationOutcome outcome = new OperationOutcome();
        OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
                .setSeverity(OperationOutcome.IssueSeverity.ERROR)
                .setCode(type)
                .setDiagnostics(e.getMessage());
        issue.getDetails().setText(e.getMessage());
        if (parameter != null) {
            issue.addExpression(parameter);
        }
        e.setOperationOutcome(outcome);
        e.addResponseHeader("WWW-Authenticate", challenge);
        return e;
    }

    private static boolean constantTimeEquals(String expected, String presented) {
        return MessageDigest.isEqual(
                expected.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }
}
