package io.synthfhir.gan;

/**
 * The likelihood of a batch under the generator (teacher forced) and its gradient with respect to the raw outputs of
 * both heads. Head A: a softmax over gap bins and END (a living patient's last step is censored: the likelihood of
 * "some gap long enough to pass the data's end", whose gradient is {@code p - q} with q the renormalised p over those
 * bins) and a softmax over visit types. Head B: Bernoulli units (independent, or a mixture of products of Bernoullis),
 * and per present value channel a softmax
 * over modes and a Gaussian on alpha with predicted mean and log spread.
 */
final class MleLoss {
    /** Bounds of the predicted log spread of alpha: sharp enough for stable values, never degenerate. */
    static final float MIN_LOG_SD = -4f;

    static final float MAX_LOG_SD = 0.5f;

    private MleLoss() {}

    /** Negative log-likelihood of one batch, split by part; each is a sum over the batch. */
    record Parts(double gap, double type, double units, double values, int steps) {
        double perStep() {
            return steps == 0 ? 0 : (gap + type + units + values) / steps;
        }

        Parts plus(Parts o) {
            return new Parts(gap + o.gap, type + o.type, units + o.units, values + o.values, steps + o.steps);
        }

        static final Parts ZERO = new Parts(0, 0, 0, 0, 0);
    }

    /**
     * Computes the loss from the heads' outputs (row-major, one row per batch row); when {@code epsA}/{@code epsB}
     * are not null (shaped like the outputs) they receive the gradient of the mean loss per step.
     */
    static Parts compute(Layout layout, Batch batch, float[] a, float[] b, float[] epsA, float[] epsB) {
        int na = layout.headASize;
        int nb = layout.headBSize;
        int steps = 0;
        for (byte k : batch.kind) {
            if (k != Batch.NONE) {
                steps++;
            }
        }
        float scale = steps == 0 ? 0 : 1f / steps;
        double gapLoss = 0;
        double typeLoss = 0;
        double unitLoss = 0;
        double valueLoss = 0;
        int gapOutputs = layout.gapBins + 1;
        for (int r = 0; r < batch.rows(); r++) {
            byte kind = batch.kind[r];
            if (kind == Batch.NONE) {
                continue;
            }
            int rowA = r * na;
            int rowB = r * nb;
            int from = kind == Batch.CENSORED ? batch.gap[r] : kind == Batch.END ? layout.end : batch.gap[r];
            int to = kind == Batch.CENSORED ? layout.gapBins : from + 1;
            gapLoss += softmaxLoss(a, rowA, gapOutputs, from, to, epsA, scale);
            if (kind == Batch.VISIT) {
                typeLoss += softmaxLoss(
                        a, rowA + layout.headAType, layout.types, batch.type[r], batch.type[r] + 1, epsA, scale);
                EncodedPatient.Visit visit = batch.content[r];
                if (layout.mixtures == 1) {
                    unitLoss += units(layout, b, rowB, visit.step().units(), epsB, scale);
                }
                valueLoss += values(layout, b, rowB, visit, epsB, scale);
            }
        }
        if (layout.mixtures > 1) {
            unitLoss += UnitMixture.compute(layout, batch, b, epsB, scale);
        }
        return new Parts(gapLoss, typeLoss, unitLoss, valueLoss, steps);
    }

    /**
     * −log Σ_{j in [from, to)} softmax(out[offset..offset+n))_j; the gradient (into {@code eps} at the same offset)
     * is p − q, q = p restricted to the target range and renormalised (a one-hot target when the range is one index).
     */
    static double softmaxLoss(float[] out, int offset, int n, int from, int to, float[] eps, float scale) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, out[offset + j]);
        }
        double total = 0;
        double target = 0;
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = Math.exp(out[offset + j] - max);
            total += e[j];
            if (j >= from && j < to) {
                target += e[j];
            }
        }
        if (eps != null) {
            for (int j = 0; j < n; j++) {
                double p = e[j] / total;
                double q = j >= from && j < to ? e[j] / target : 0;
                eps[offset + j] += (float) ((p - q) * scale);
            }
        }
        return Math.log(total) - Math.log(Math.max(target, 1e-300));
    }

    /** Independent Bernoulli units (one mixture component; more are {@link UnitMixture}'s). */
    private static double units(Layout layout, float[] out, int row, int[] present, float[] eps, float scale) {
        double loss = -bernoulli(out, row, layout.units, present, null, 0);
        if (eps != null) {
            bernoulli(out, row, layout.units, present, eps, scale);
        }
        return loss;
    }

    /**
     * Σ_u y_u z_u − log(1 + e^{z_u}) over {@code n} logits from {@code offset} ({@code present}: the sorted units that
     * are 1); when {@code eps} is given, adds {@code weight (σ(z) − y)} to it at the same offsets.
     */
    private static double bernoulli(float[] out, int offset, int n, int[] present, float[] eps, float weight) {
        double sum = 0;
        int next = 0;
        for (int u = 0; u < n; u++) {
            boolean y = next < present.length && present[next] == u;
            if (y) {
                next++;
            }
            double z = out[offset + u];
            if (eps == null) {
                // log(1 + e^z) − y z, computed without overflow
                double softplus = Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
                sum += (y ? z : 0) - softplus;
            } else {
                double p = 1 / (1 + Math.exp(-z));
                eps[offset + u] += (float) ((p - (y ? 1 : 0)) * weight);
            }
        }
        return sum;
    }

    private static double values(
            Layout layout, float[] out, int row, EncodedPatient.Visit visit, float[] eps, float scale) {
        double loss = 0;
        int[] channels = visit.step().channels();
        for (int i = 0; i < channels.length; i++) {
            int c = channels[i];
            int off = row + layout.channelOffset(c);
            int m = layout.modes(c);
            loss += softmaxLoss(out, off, m, visit.modes()[i], visit.modes()[i] + 1, eps, scale);
            double mean = out[off + m];
            double rawLogSd = out[off + m + 1];
            double logSd = Math.max(MIN_LOG_SD, Math.min(MAX_LOG_SD, rawLogSd));
            double sd = Math.exp(logSd);
            double z = (visit.alphas()[i] - mean) / sd;
            loss += 0.5 * z * z + logSd;
            if (eps != null) {
                eps[off + m] += (float) ((mean - visit.alphas()[i]) / (sd * sd) * scale);
                // outside its bounds the spread is pulled back rather than left where no gradient reaches it
                boolean clamped = rawLogSd != logSd;
                eps[off + m + 1] += (float) ((clamped ? rawLogSd - logSd : 1 - z * z) * scale);
            }
        }
        return loss;
    }
}
