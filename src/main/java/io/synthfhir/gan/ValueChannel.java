package io.synthfhir.gan;

import io.synthfhir.model.Code;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * One numeric value the model learns: an observation's value, or one component of a panel, in one UCUM unit.
 *
 * @param key {@link VisitEvents#channelKey channel key}
 * @param token index of the token that carries it
 * @param component the panel component code, or null for the observation's own value
 * @param unit the unit of training values (the most frequent one; values in other units are not learned)
 * @param gmm mode-specific normalisation of the values
 * @param mean mean of training values, for the network's input scaling
 * @param sd standard deviation of training values, for the same
 * @param min lowest value ever generated: the observed minimum, raised to the physiological limit when known
 * @param max highest value ever generated, likewise
 * @param decimals decimal places values are rounded to (those of 99% of training values)
 * @param referenceLow population reference interval (central 95% of training values), used for laboratory values
 *     whose test has no catalogued reference range
 * @param referenceHigh upper end of that interval
 */
record ValueChannel(
        String key,
        int token,
        Code component,
        String unit,
        Gmm gmm,
        double mean,
        double sd,
        double min,
        double max,
        int decimals,
        double referenceLow,
        double referenceHigh) {

    /** The network's input for a value: a z-score squashed into [-1, 1]. */
    float input(double value) {
        return (float) Math.max(-1, Math.min(1, (value - mean) / (3 * sd)));
    }

    /** A generated value made presentable: inside [min, max] and rounded as training values were. */
    double finish(double value) {
        double v = Math.max(min, Math.min(max, value));
        double scale = Math.pow(10, decimals);
        double rounded = Math.round(v * scale) / scale;
        return Math.max(min, Math.min(max, rounded));
    }

    static ValueChannel fit(
            String key, int token, Code component, String unit, double[] values, double limitLow, double limitHigh) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int decimals = decimals(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0);
        double var = 0;
        for (double v : sorted) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.max(Math.sqrt(var / sorted.length), 1e-6);
        double min = Math.max(sorted[0], limitLow);
        double max = Math.min(sorted[sorted.length - 1], limitHigh);
        if (max < min) {
            min = limitLow;
            max = limitHigh;
        }
        Gmm gmm = Gmm.fit(sorted, Math.pow(10, -decimals));
        return new ValueChannel(
                key,
                token,
                component,
                unit,
                gmm,
                mean,
                sd,
                min,
                max,
                decimals,
                Quantiles.quantile(sorted, 0.025),
                Quantiles.quantile(sorted, 0.975));
    }

    /** Decimal places of 99% of the values, at most 6. */
    static int decimals(double[] values) {
        int[] counts = new int[7];
        for (double v : values) {
            int scale = Math.max(0, BigDecimal.valueOf(v).stripTrailingZeros().scale());
            counts[Math.min(6, scale)]++;
        }
        int cumulative = 0;
        for (int d = 0; d <= 6; d++) {
            cumulative += counts[d];
            if (cumulative >= 0.99 * values.length) {
                return d;
            }
        }
        return 6;
    }
}
