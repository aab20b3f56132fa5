package io.synthfhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The one place that says which requests need which {@link Permission}; {@link PluginRegistrar} registers it on the
 * host's RestfulServer, so an existing HAPI server that loads the plugin enforces it too. It runs before the operation
 * does anything ({@code SERVER_INCOMING_REQUEST_PRE_HANDLED}), so a refused request starts no job, reads no record
 * and writes nothing.
 *
 * <ul>
 *   <li>{@code $train} and {@code $train-status}: {@link Permission#TRAIN}
 *   <li>{@code $evaluate}: {@link Permission#EVALUATE} (every evaluation reads the server's real records)
 *   <li>{@code $synthesize} with {@code persist} other than {@code false}, synchronous or asynchronous:
 *       {@link Permission#PERSIST}
 *   <li>{@code $purge-synthetic}: {@link Permission#PURGE}
 * </ul>
 *
 * {@code $synthesize} that returns its Bundle, and its asynchronous status and files, need nothing: they only hand
 * out newly generated records, never stored ones. The plugin guards only its own operations; the host's own FHIR
 * REST API (read, search, create, transaction) stays under the host's authorization.
 */
@Component
@Interceptor
class AccessInterceptor {

    /** What a request needs, and the parameter that made it need it (null when the operation itself does). */
    record Guard(Permission permission, String parameter) {}

    private final AccessPolicy policy;
    private final FhirContext context;

    AccessInterceptor(AccessPolicy policy, FhirContext context) {
        this.policy = policy;
        this.context = context;
    }

    @Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
    public void requirePermission(RequestDetails request) {
        if (policy.open()) {
            return;
        }
        Guard guard = guard(request);
        if (guard != null) {
            policy.require(request.getHeader(Constants.HEADER_AUTHORIZATION), guard.permission(), guard.parameter());
        }
    }

    /** What {@code request} needs beyond generating synthetic data; null when nothing. */
    Guard guard(RequestDetails request) {
        String operation = request.getOperation();
        if (operation == null) {
            return null;
        }
        return switch (operation.startsWith("$") ? operation : "$" + operation) {
            case TrainProvider.OPERATION, TrainProvider.STATUS -> new Guard(Permission.TRAIN, null);
            case EvaluateProvider.OPERATION -> new Guard(Permission.EVALUATE, null);
            case PurgeProvider.OPERATION -> new Guard(Permission.PURGE, null);
            case SynthesizeProvider.OPERATION -> persists(request) ? new Guard(Permission.PERSIST, "persist") : null;
            default -> null;
        };
    }

    /**
     * Whether a {@code $synthesize} request asks to write. Anything but an absent or {@code false} persist counts, so
     * a malformed value is refused for the missing permission before the operation would refuse it as malformed.
     * Reading the body here is safe: HAPI keeps it for the provider.
     */
    private boolean persists(RequestDetails request) {
        String persist = OperationRequest.read(request, context, SynthesizeProvider.PARAMETER_NAMES)
                .single("persist");
        return persist != null && !persist.trim().toLowerCase(Locale.ROOT).equals("false");
    }
}
