package io.synthfhir.gan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * An empirical distribution kept as a table of quantiles and sampled by linear interpolation between them. The table
 * stops at the 2nd and 98th percentiles, not at the minimum and maximum, so that no single patient's extreme value is
 * stored or ever reproduced.
 */
final class Quantiles {
    static final int POINTS = 17;
    static final double LOW = 0.02;
    static final double HIGH = 0.98;

    private final double[] values;

    @JsonCreator
    Quantiles(@JsonProperty("values") double[] values) {
        if (values.length < 1) {
            throw new IllegalArgumentException("a quantile table needs at least one value");
        }
        for (int i = 1; i < values.length; i++) {
            if (values[i] < values[i - 1]) {
                throw new IllegalArgumentException("quantile values must not decrease");
            }
        }
        this.values = values.clone();
    }

    @JsonProperty("values")
    double[] values() {
        return values.clone();
    }

    static Quantiles of(double[] sample) {
        if (sample.length == 0) {
            throw new IllegalArgumentException("cannot summarise an empty sample");
        }
        double[] s = sample.clone();
        Arrays.sort(s);
        double[] q = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            q[i] = quantile(s, LOW + (HIGH - LOW) * i / (POINTS - 1));
        }
        return new Quantiles(q);
    }

    /** The p-quantile of a sorted sample, interpolated (type 7, as numpy's default). */
    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    double sample(SplittableRandom random) {
        return at(random.nextDouble());
    }

    /** The value at position u in [0, 1] of the table. */
    double at(double u) {
        if (values.length == 1) {
            return values[0];
        }
        double h = u * (values.length - 1);
        int lo = Math.min(values.length - 2, (int) Math.floor(h));
        return values[lo] + (h - lo) * (values[lo + 1] - values[lo]);
    }
}
