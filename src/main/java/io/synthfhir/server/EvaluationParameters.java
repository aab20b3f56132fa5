package io.synthfhir.server;

import io.synthfhir.eval.CohortSplit;
import io.synthfhir.eval.ThresholdOverrides;
import io.synthfhir.eval.Thresholds;
import io.synthfhir.generate.InvalidParameterException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns the raw text of {@code $evaluate} parameters into an {@link EvaluationRequest}, or an
 * {@link InvalidParameterException} naming the parameter, the value and what is allowed. The cohort parameters of
 * generated synthetic data (mode, module, gender, ages, condition, years) are read exactly as {@code $synthesize}
 * reads them.
 */
final class EvaluationParameters {
    static final long DEFAULT_SEED = 1;

    private final SynthesisParameters cohortParameters;
    private final int syncLimit;
    private final int maxPatients;
    private final Thresholds defaults;

    EvaluationParameters(SynthFhirProperties properties) {
        this.cohortParameters = new SynthesisParameters(properties.maxCount());
        this.syncLimit = properties.syncLimit();
        this.maxPatients = properties.evaluation().maxPatients();
        this.defaults = properties.evaluation().defaultThresholds();
    }

    /** The raw values, each null (or empty) when absent. */
    record Raw(
            String synthetic,
            String run,
            String count,
            String seed,
            String mode,
            List<String> modules,
            String gender,
            String minAge,
            String maxAge,
            String condition,
            String years,
            String heldOutShare,
            String splitSalt,
            String maxPatients,
            List<String> thresholds) {}

    EvaluationRequest parse(Raw raw, LocalDate referenceDate) {
        EvaluationRequest.SyntheticSource source = source(raw.synthetic());
        long seed = given(raw.seed()) ? seed(raw.seed()) : DEFAULT_SEED;
        Integer count = null;
        if (source == EvaluationRequest.SyntheticSource.STORED) {
            refuseWithStored("count", raw.count());
            refuseWithStored("mode", raw.mode());
            refuseWithStored("module", raw.modules() == null || raw.modules().isEmpty() ? null : "" + raw.modules());
            refuseWithStored("gender", raw.gender());
            refuseWithStored("minAge", raw.minAge());
            refuseWithStored("maxAge", raw.maxAge());
            refuseWithStored("condition", raw.condition());
            refuseWithStored("years", raw.years());
        } else {
            if (given(raw.run())) {
                throw new InvalidParameterException(
                        "run", raw.run(), "only with synthetic=stored (a run of stored synthetic records)");
            }
            if (given(raw.count())) {
                count = integer("count", raw.count());
                if (count < 1 || count > syncLimit) {
                    throw new InvalidParameterException(
                            "count", raw.count(), "an integer from 1 to " + syncLimit + " (synthfhir.sync-limit)");
                }
            }
        }
        // The cohort's checks are $synthesize's own; its count is set from the real cohort later when not given.
        SynthesisRequest cohort = cohortParameters.parse(
                new SynthesisParameters.Raw(
                        count == null ? "1" : String.valueOf(count),
                        String.valueOf(seed),
                        raw.mode(),
                        raw.modules(),
                        raw.gender(),
                        raw.minAge(),
                        raw.maxAge(),
                        raw.condition(),
                        raw.years(),
                        null,
                        null,
                        null),
                referenceDate,
                new SplittableRandom(seed));
        CohortSplit split = split(raw.heldOutShare(), raw.splitSalt());
        int limit = maxPatients;
        if (given(raw.maxPatients())) {
            limit = integer("maxPatients", raw.maxPatients());
            if (limit < 1 || limit > maxPatients) {
                throw new InvalidParameterException(
                        "maxPatients",
                        raw.maxPatients(),
                        "an integer from 1 to " + maxPatients + " (synthfhir.evaluation.max-patients)");
            }
        }
        return new EvaluationRequest(
                source,
                given(raw.run()) ? raw.run().trim() : null,
                count,
                cohort.mode(),
                cohort.cohort(),
                seed,
                split,
                limit,
                thresholds(raw.thresholds()));
    }

    private static EvaluationRequest.SyntheticSource source(String value) {
        if (!given(value)) {
            return EvaluationRequest.SyntheticSource.GENERATE;
        }
        for (EvaluationRequest.SyntheticSource s : EvaluationRequest.SyntheticSource.values()) {
            if (s.code().equalsIgnoreCase(value.trim())) {
                return s;
            }
        }
        throw new InvalidParameterException("synthetic", value, "generate | stored");
    }

    private static void refuseWithStored(String name, String value) {
        if (given(value)) {
            throw new InvalidParameterException(
                    name, value, "only with synthetic=generate (it describes the cohort to generate)");
        }
    }

    private static CohortSplit split(String share, String salt) {
        if (!given(share)) {
            if (given(salt)) {
                throw new InvalidParameterException(
                        "splitSalt", salt, "only together with heldOutShare (a salt alone splits nothing)");
            }
            return null;
        }
        double value;
        try {
            value = Double.parseDouble(share.trim());
        } catch (NumberFormatException e) {
            value = Double.NaN;
        }
        if (!(value > 0 && value < 1)) {
            throw new InvalidParameterException(
                    "heldOutShare", share, "a decimal above 0 and below 1 (the share of real patients held out)");
        }
        long saltValue = given(salt) ? seed("splitSalt", salt) : 0;
        return new CohortSplit(saltValue, value);
    }

    private Thresholds thresholds(List<String> raw) {
        Map<String, String> overrides = new LinkedHashMap<>();
        for (String item : SynthesisParameters.splitList(raw)) {
            int at = item.indexOf('=') >= 0 ? item.indexOf('=') : item.indexOf(':');
            if (at <= 0) {
                throw new InvalidParameterException(
                        "threshold", item, "name=value, name one of " + String.join(", ", ThresholdOverrides.names()));
            }
            overrides.put(item.substring(0, at).trim().toLowerCase(Locale.ROOT), item.substring(at + 1));
        }
        try {
            return ThresholdOverrides.apply(defaults, overrides);
        } catch (IllegalArgumentException e) {
            String given = String.join(",", SynthesisParameters.splitList(raw));
            throw new InvalidParameterException(
                    "threshold",
                    given,
                    e.getMessage(),
                    "Invalid value '" + given + "' for parameter 'threshold': " + e.getMessage());
        }
    }

    private static boolean given(String value) {
        return value != null && !value.isBlank();
    }

    private static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, value, "an integer");
        }
    }

    private static long seed(String value) {
        return seed("seed", value);
    }

    private static long seed(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(
                    name, value, "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
    }
}
