package io.synthfhir.gan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;

/**
 * A one-dimensional Gaussian mixture: CTGAN's mode-specific normalisation of a multimodal numeric column. A value is
 * encoded as its most probable mode {@code k} and a scalar {@code alpha = (v - mean_k) / (4 sd_k)} within it, so a
 * network predicts which mode and where in it, and values come back on the original scale. Fitted by EM with 1 to
 * {@link #MAX_MODES} components, the count chosen by BIC; components weighing under {@link #MIN_WEIGHT} are dropped
 * (CTGAN uses a Bayesian mixture with the same 0.005 weight threshold: sdv-dev/CTGAN ctgan/data_transformer.py).
 */
final class Gmm {
    static final int MAX_MODES = 5;
    static final double MIN_WEIGHT = 0.005;
    private static final int ITERATIONS = 60;

    private final double[] weights;
    private final double[] means;
    private final double[] sds;

    @JsonCreator
    Gmm(
            @JsonProperty("weights") double[] weights,
            @JsonProperty("means") double[] means,
            @JsonProperty("sds") double[] sds) {
        if (weights.length == 0 || weights.length != means.length || means.length != sds.length) {
            throw new IllegalArgumentException("a mixture needs equally many weights, means and sds (at least one)");
        }
        this.weights = weights.clone();
        this.means = means.clone();
        this.sds = sds.clone();
    }

    @JsonProperty("weights")
    double[] weights() {
        return weights.clone();
    }

    @JsonProperty("means")
    double[] means() {
        return means.clone();
    }

    @JsonProperty("sds")
    double[] sds() {
        return sds.clone();
    }

    int modes() {
        return means.length;
    }

    /** The most probable mode of a value. */
    int mode(double v) {
        int best = 0;
        double bestLog = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < means.length; k++) {
            double z = (v - means[k]) / sds[k];
            double log = Math.log(weights[k]) - Math.log(sds[k]) - 0.5 * z * z;
            if (log > bestLog) {
                bestLog = log;
                best = k;
            }
        }
        return best;
    }

    /** The normalised position of a value inside a mode, clipped to [-1, 1] (four standard deviations). */
    double alpha(double v, int mode) {
        return Math.max(-1, Math.min(1, (v - means[mode]) / (4 * sds[mode])));
    }

    double value(int mode, double alpha) {
        return means[mode] + 4 * sds[mode] * alpha;
    }

    /**
     * Fits a mixture to the values. {@code resolution} is the smallest step between recorded values (their rounding);
     * no component is narrower than half of it, so integer scores do not collapse into spikes of zero width.
     */
    static Gmm fit(double[] values, double resolution) {
        if (values.length == 0) {
            throw new IllegalArgumentException("cannot fit a mixture to no values");
        }
        double[] x = values.clone();
        Arrays.sort(x);
        double range = x[x.length - 1] - x[0];
        double floor = Math.max(Math.max(resolution / 2, range * 1e-3), 1e-9);
        Gmm best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int m = 1; m <= Math.min(MAX_MODES, distinct(x)); m++) {
            Gmm g = em(x, m, floor);
            double bic = -2 * g.logLikelihood(x) + (3 * g.modes() - 1) * Math.log(x.length);
            if (bic < bestBic - 1e-9) {
                bestBic = bic;
                best = g;
            }
        }
        return best;
    }

    private static int distinct(double[] sorted) {
        int d = 1;
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] != sorted[i - 1]) {
                d++;
            }
        }
        return d;
    }

    /** EM from means at evenly spaced quantiles: deterministic, and each start sits where data is. */
    private static Gmm em(double[] x, int m, double floor) {
        int n = x.length;
        double[] w = new double[m];
        double[] mu = new double[m];
        double[] sd = new double[m];
        double overallSd = Math.max(floor, sd(x));
        for (int k = 0; k < m; k++) {
            w[k] = 1.0 / m;
            mu[k] = x[(int) Math.min(n - 1, Math.floor((k + 0.5) / m * n))];
            sd[k] = Math.max(floor, overallSd / m);
        }
        double[][] r = new double[m][n];
        for (int iter = 0; iter < ITERATIONS; iter++) {
            for (int i = 0; i < n; i++) {
                double max = Double.NEGATIVE_INFINITY;
                for (int k = 0; k < m; k++) {
                    double z = (x[i] - mu[k]) / sd[k];
                    r[k][i] = Math.log(w[k]) - Math.log(sd[k]) - 0.5 * z * z;
                    max = Math.max(max, r[k][i]);
                }
                double sum = 0;
                for (int k = 0; k < m; k++) {
                    r[k][i] = Math.exp(r[k][i] - max);
                    sum += r[k][i];
                }
                for (int k = 0; k < m; k++) {
                    r[k][i] /= sum;
                }
            }
            for (int k = 0; k < m; k++) {
                double nk = 0;
                double s = 0;
                for (int i = 0; i < n; i++) {
                    nk += r[k][i];
                    s += r[k][i] * x[i];
                }
                if (nk < 1e-9) {
                    w[k] = 1e-12;
                    continue;
                }
                mu[k] = s / nk;
                double v = 0;
                for (int i = 0; i < n; i++) {
                    v += r[k][i] * (x[i] - mu[k]) * (x[i] - mu[k]);
                }
                sd[k] = Math.max(floor, Math.sqrt(v / nk));
                w[k] = nk / n;
            }
        }
        int kept = 0;
        for (int k = 0; k < m; k++) {
            if (w[k] >= MIN_WEIGHT) {
                kept++;
            }
        }
        double[] kw = new double[kept];
        double[] km = new double[kept];
        double[] ks = new double[kept];
        double total = 0;
        int j = 0;
        for (int k = 0; k < m; k++) {
            if (w[k] >= MIN_WEIGHT) {
                kw[j] = w[k];
                km[j] = mu[k];
                ks[j] = sd[k];
                total += w[k];
                j++;
            }
        }
        for (int k = 0; k < kept; k++) {
            kw[k] /= total;
        }
        return new Gmm(kw, km, ks);
    }

    double logLikelihood(double[] x) {
        double ll = 0;
        for (double v : x) {
            double p = 0;
            for (int k = 0; k < means.length; k++) {
                double z = (v - means[k]) / sds[k];
                p += weights[k] * Math.exp(-0.5 * z * z) / (sds[k] * Math.sqrt(2 * Math.PI));
            }
            ll += Math.log(Math.max(p, 1e-300));
        }
        return ll;
    }

    private static double sd(double[] x) {
        double mean = Arrays.stream(x).average().orElse(0);
        double v = 0;
        for (double d : x) {
            v += (d - mean) * (d - mean);
        }
        return Math.sqrt(v / x.length);
    }
}
