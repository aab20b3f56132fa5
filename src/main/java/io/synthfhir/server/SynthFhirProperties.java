package io.synthfhir.server;

import java.nio.file.Path;
import java.time.LocalDate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Typed configuration under {@code synthfhir.*} (application.yaml). Nothing here is read from static state.
 *
 * @param referenceDate the simulation's "today"; empty means the server's clock date at each request
 * @param syncLimit the largest {@code count} answered synchronously; above it {@code Prefer: respond-async} is needed
 * @param maxCount the largest {@code count} accepted at all
 * @param dataFolder where the server keeps its files (async job output, trained models)
 * @param rulesFolder an optional folder of user rule modules loaded beside the bundled library
 * @param generatorThreads threads that generate patients in parallel (0: one per core)
 * @param access who may read real records or write into the server (docs/access.md)
 * @param evaluation limits and default thresholds of {@code $evaluate}
 * @param models which learned model serves, and the privacy gate a newly trained one must pass
 */
@ConfigurationProperties("synthfhir")
public record SynthFhirProperties(
        LocalDate referenceDate,
        @DefaultValue("1000") int syncLimit,
        @DefaultValue("1000000") int maxCount,
        @DefaultValue("data") Path dataFolder,
        Path rulesFolder,
        @DefaultValue("0") int generatorThreads,
        @DefaultValue Access access,
        @DefaultValue Evaluation evaluation,
        @DefaultValue Models models) {

    public SynthFhirProperties {
        if (syncLimit < 1) {
            throw new IllegalArgumentException("synthfhir.sync-limit must be at least 1, was " + syncLimit);
        }
        if (maxCount < syncLimit) {
            throw new IllegalArgumentException("synthfhir.max-count must be at least synthfhir.sync-limit");
        }
    }

    /**
     * Access to what touches real data or changes the server ({@code $train}, {@code $evaluate}, {@code persist=true},
     * {@code $purge-synthetic}), enforced by {@link AccessInterceptor}. Closed unless configured: {@code open: true}
     * lets anyone in (the standalone server's application.yaml sets it, for a developer's own machine, and the
     * server logs a warning at start); otherwise a caller needs a bearer token from {@code tokens} whose scopes grant
     * the operation ({@link Permission}).
     *
     * @param open allow every caller without a token
     * @param tokens bearer tokens and the scopes each grants
     */
    public record Access(@DefaultValue("false") boolean open, java.util.List<Token> tokens) {
        public Access {
            tokens = tokens == null ? java.util.List.of() : java.util.List.copyOf(tokens);
        }
    }

    /**
     * The learned models ({@code synthfhir.models.*}).
     *
     * @param useBundled serve the model inside the jar while no trained model has passed the gate
     * @param rescanSeconds how often the models folder is looked at again (0: only at start and after $train), so that
     *     nodes sharing it serve the same model
     * @param gate the privacy gate's limits (docs/privacy.md)
     */
    public record Models(
            @DefaultValue("true") boolean useBundled,
            @DefaultValue("60") long rescanSeconds,
            @DefaultValue Gate gate) {}

    /**
     * Limits a new model must meet on its held-out split before it may serve.
     *
     * @param maxExactCopies synthetic records equal to a training record allowed
     * @param maxMembershipAccuracy membership-inference accuracy allowed (0.5 = chance)
     * @param maxCloserToTraining share of synthetic records nearer to training than to held-out allowed (0.5 = ideal)
     * @param auditPatients synthetic patients drawn for the audit
     */
    public record Gate(
            @DefaultValue("0") int maxExactCopies,
            @DefaultValue("0.55") double maxMembershipAccuracy,
            @DefaultValue("0.6") double maxCloserToTraining,
            @DefaultValue("500") int auditPatients) {
        public Gate {
            if (maxMembershipAccuracy < 0.5 || maxMembershipAccuracy > 1) {
                throw new IllegalArgumentException(
                        "synthfhir.models.gate.max-membership-accuracy must be from 0.5 to 1, was "
                                + maxMembershipAccuracy);
            }
            if (maxCloserToTraining < 0 || maxCloserToTraining > 1) {
                throw new IllegalArgumentException(
                        "synthfhir.models.gate.max-closer-to-training must be from 0 to 1, was " + maxCloserToTraining);
            }
            if (auditPatients < 10) {
                throw new IllegalArgumentException("synthfhir.models.gate.audit-patients must be at least 10");
            }
        }
    }

    /**
     * A configured bearer token and its scopes.
     *
     * @param value the token a caller sends as {@code Authorization: Bearer <value>}, at least 16 characters
     * @param scopes what it grants: {@code train}, {@code evaluate}, {@code persist}, {@code purge}, {@code *}, or
     *     SMART system scopes ({@code system/*.read}, {@code system/*.write}, {@code system/*.cruds}...); a scope that
     *     grants nothing stops the server at start
     */
    public record Token(String value, java.util.List<String> scopes) {
        public Token {
            if (value == null || value.length() < 16) {
                throw new IllegalArgumentException("synthfhir.access.tokens[].value must be at least 16 characters");
            }
            scopes = scopes == null
                    ? java.util.List.of()
                    : scopes.stream().map(String::trim).toList();
            if (scopes.isEmpty()) {
                throw new IllegalArgumentException(
                        "synthfhir.access.tokens[].scopes: a token needs at least one scope");
            }
            scopes.forEach(Permission::checkConfigured);
        }
    }

    /**
     * {@code $evaluate}'s limits and default thresholds.
     *
     * @param maxPatients the most real (or stored synthetic) patients one evaluation reads
     * @param thresholds default thresholds by name ({@code detection-accuracy-max: 0.8}; names in
     *     {@link io.synthfhir.eval.ThresholdOverrides#names()}) over {@link io.synthfhir.eval.Thresholds#defaults()};
     *     checked at start-up, so a typo stops the server rather than passing silently
     */
    public record Evaluation(@DefaultValue("5000") int maxPatients, java.util.Map<String, String> thresholds) {
        public Evaluation {
            if (maxPatients < 1) {
                throw new IllegalArgumentException(
                        "synthfhir.evaluation.max-patients must be at least 1, was " + maxPatients);
            }
            thresholds = thresholds == null ? java.util.Map.of() : java.util.Map.copyOf(thresholds);
            try {
                defaultThresholds(thresholds);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("synthfhir.evaluation.thresholds: " + e.getMessage(), e);
            }
        }

        /** The thresholds an evaluation uses unless the request overrides some. */
        public io.synthfhir.eval.Thresholds defaultThresholds() {
            return defaultThresholds(thresholds);
        }

        private static io.synthfhir.eval.Thresholds defaultThresholds(java.util.Map<String, String> overrides) {
            return io.synthfhir.eval.ThresholdOverrides.apply(io.synthfhir.eval.Thresholds.defaults(), overrides);
        }
    }

    public int generatorThreads() {
        return generatorThreads > 0 ? generatorThreads : Runtime.getRuntime().availableProcessors();
    }

    public Path jobsFolder() {
        return dataFolder.resolve("jobs");
    }

    public Path modelsFolder() {
        return dataFolder.resolve("models");
    }
}
