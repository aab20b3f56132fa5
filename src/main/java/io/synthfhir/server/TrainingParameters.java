package io.synthfhir.server;

import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.model.Code;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the raw text of {@code $train} parameters into a {@link TrainingRequest}, or an
 * {@link InvalidParameterException} naming the parameter, the value and what is allowed. Like
 * {@link SynthesisParameters}, kept apart from HAPI so the operation's rules can be read and tested in one place.
 */
final class TrainingParameters {

    static final Duration DEFAULT_TIME_BUDGET = Duration.ofMinutes(8);
    static final Duration MAX_TIME_BUDGET = Duration.ofHours(12);
    static final int DEFAULT_K = 5;
    static final double DEFAULT_DELTA = 1e-5;
    static final double DEFAULT_HELD_OUT_SHARE = 0.2;

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(s|m|min|h)");

    /** The raw values, each null when absent. */
    record Raw(
            String timeBudget,
            String epochs,
            String seed,
            String k,
            String epsilon,
            String delta,
            String noiseMultiplier,
            String condition,
            String heldOutShare,
            String maxPatients) {}

    TrainingRequest parse(Raw raw, SplittableRandom seedSource) {
        Duration budget = raw.timeBudget() == null || raw.timeBudget().isBlank()
                ? DEFAULT_TIME_BUDGET
                : duration(raw.timeBudget());
        Integer epochs = blank(raw.epochs()) ? null : positive("epochs", raw.epochs(), 100_000);
        long seed = blank(raw.seed()) ? seedSource.nextLong() >>> 1 : seed(raw.seed());
        int k = blank(raw.k()) ? DEFAULT_K : range("k", raw.k(), 1, 1_000);
        Double epsilon = blank(raw.epsilon()) ? null : positiveDecimal("epsilon", raw.epsilon(), 1_000);
        Double noise =
                blank(raw.noiseMultiplier()) ? null : positiveDecimal("noiseMultiplier", raw.noiseMultiplier(), 1_000);
        if (epsilon != null && noise != null) {
            throw new InvalidParameterException(
                    "noiseMultiplier",
                    raw.noiseMultiplier(),
                    "absent when epsilon is given: the noise multiplier is then computed from the ε budget");
        }
        double delta = blank(raw.delta()) ? DEFAULT_DELTA : decimal("delta", raw.delta());
        if (!(delta > 0 && delta < 1)) {
            throw new InvalidParameterException(
                    "delta", raw.delta(), "a number between 0 and 1 (exclusive), e.g. 1e-5");
        }
        if (!blank(raw.delta()) && epsilon == null && noise == null) {
            throw new InvalidParameterException(
                    "delta",
                    raw.delta(),
                    "given only with epsilon or noiseMultiplier (differentially private training)");
        }
        Code condition = blank(raw.condition()) ? null : SynthesisParameters.condition(raw.condition());
        double share = blank(raw.heldOutShare()) ? DEFAULT_HELD_OUT_SHARE : decimal("heldOutShare", raw.heldOutShare());
        if (!(share >= 0.05 && share <= 0.5)) {
            throw new InvalidParameterException("heldOutShare", raw.heldOutShare(), "a number from 0.05 to 0.5");
        }
        Integer maxPatients = blank(raw.maxPatients()) ? null : positive("maxPatients", raw.maxPatients(), 10_000_000);
        return new TrainingRequest(budget, epochs, seed, k, epsilon, delta, noise, condition, share, maxPatients);
    }

    /** ISO-8601 ({@code PT5M}) or the short forms {@code 300s}, {@code 5m}, {@code 2h}; from 10 s to 12 h. */
    static Duration duration(String value) {
        String text = value.trim().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SHORT_DURATION.matcher(text);
        try {
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofMinutes(n);
                };
            } else {
                d = Duration.parse(text.toUpperCase(Locale.ROOT));
            }
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            d = null;
        }
        if (d == null || d.compareTo(Duration.ofSeconds(10)) < 0 || d.compareTo(MAX_TIME_BUDGET) > 0) {
            throw new InvalidParameterException(
                    "timeBudget", value, "a duration from 10 s to 12 h: ISO-8601 (PT5M) or 300s, 5m, 2h");
        }
        return d;
    }

    private static boolean blank(String v) {
        return v == null || v.isBlank();
    }

    private static long seed(String value) {
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(
                    "seed", value, "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
        }
    }

    private static int positive(String name, String value, int max) {
        return range(name, value, 1, max);
    }

    private static int range(String name, String value, int min, int max) {
        int n;
        try {
            n = Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new InvalidParameterException(name, value, "an integer from " + min + " to " + max);
        }
        if (n < min || n > max) {
            throw new InvalidParameterException(name, value, "an integer from " + min + " to " + max);
        }
        return n;
    }

    private static double decimal(String name, String value) {
        try {
            double d = Double.parseDouble(value.trim());
            if (Double.isFinite(d)) {
                return d;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameterException(name, value, "a decimal number");
    }

    private static double positiveDecimal(String name, String value, double max) {
        double d = decimal(name, value);
        if (!(d > 0 && d <= max)) {
            throw new InvalidParameterException(name, value, "a number above 0 and at most " + (int) max);
        }
        return d;
    }
}
