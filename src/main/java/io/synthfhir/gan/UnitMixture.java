package io.synthfhir.gan;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Head B's units as a mixture of M products of Bernoullis: a visit's likelihood is Σ_m π_m Π_u Bern(y_u; σ(z_mu)),
 * so each component can stand for a kind of visit whose codes come together (a check-up with its panels, an
 * emergency with its tests) — the within-visit co-occurrence that independent units cannot represent.
 *
 * <p>The gradient is the single-component one weighted by each component's responsibility r_m (its posterior given the
 * visit), and π − r for the component logits. The M × units terms of every visit row are computed by ND4J in chunks of
 * rows (in double, so the loss is exact enough to check by finite differences); the per-row mixing is plain Java.
 */
final class UnitMixture {
    /** Visit rows per ND4J call: bounds the off-heap working set to a few tens of MB. */
    static final int CHUNK_ROWS = 256;

    private UnitMixture() {}

    /**
     * The summed negative log-likelihood of the units of every visit row of {@code batch}; when {@code eps} is not
     * null it receives {@code scale} times the gradient, at head B's unit and component offsets.
     */
    static double compute(Layout layout, Batch batch, float[] out, float[] eps, float scale) {
        int nb = layout.headBSize;
        int[] rows = new int[batch.rows()];
        int n = 0;
        for (int r = 0; r < batch.rows(); r++) {
            if (batch.kind[r] == Batch.VISIT) {
                rows[n++] = r;
            }
        }
        double loss = 0;
        for (int from = 0; from < n; from += CHUNK_ROWS) {
            int to = Math.min(n, from + CHUNK_ROWS);
            loss += chunk(layout, batch, out, eps, scale, rows, from, to, nb);
        }
        return loss;
    }

    private static double chunk(
            Layout layout, Batch batch, float[] out, float[] eps, float scale, int[] rows, int from, int to, int nb) {
        int m = layout.mixtures;
        int u = layout.units;
        int count = to - from;
        double[] z = new double[count * m * u];
        double[] y = new double[count * m * u];
        for (int i = 0; i < count; i++) {
            int r = rows[from + i];
            int base = r * nb;
            for (int j = 0; j < m * u; j++) {
                z[i * m * u + j] = out[base + j];
            }
            for (int present : batch.content[r].step().units()) {
                for (int k = 0; k < m; k++) {
                    y[(i * m + k) * u + present] = 1;
                }
            }
        }
        INDArray zs = Nd4j.create(z, new long[] {(long) count * m, u}, DataType.DOUBLE);
        INDArray ys = Nd4j.create(y, new long[] {(long) count * m, u}, DataType.DOUBLE);
        // per (row, component): Σ_u y z − softplus(z)
        double[] logLikelihood =
                zs.mul(ys).subi(Transforms.softPlus(zs, true)).sum(1).toDoubleVector();
        double total = 0;
        double[] weight = new double[count * m];
        for (int i = 0; i < count; i++) {
            int logits = rows[from + i] * nb + layout.mixtureLogits;
            double max = Double.NEGATIVE_INFINITY;
            for (int k = 0; k < m; k++) {
                max = Math.max(max, out[logits + k]);
            }
            double norm = 0;
            for (int k = 0; k < m; k++) {
                norm += Math.exp(out[logits + k] - max);
            }
            double logNorm = max + Math.log(norm);
            double best = Double.NEGATIVE_INFINITY;
            double[] joint = new double[m];
            for (int k = 0; k < m; k++) {
                joint[k] = out[logits + k] - logNorm + logLikelihood[i * m + k];
                best = Math.max(best, joint[k]);
            }
            double sum = 0;
            for (int k = 0; k < m; k++) {
                sum += Math.exp(joint[k] - best);
            }
            double visit = best + Math.log(sum);
            total -= visit;
            if (eps != null) {
                for (int k = 0; k < m; k++) {
                    double responsibility = Math.exp(joint[k] - visit);
                    weight[i * m + k] = responsibility * scale;
                    eps[logits + k] += (float) ((Math.exp(out[logits + k] - logNorm) - responsibility) * scale);
                }
            }
        }
        if (eps != null) {
            INDArray w = Nd4j.create(weight, new long[] {(long) count * m, 1}, DataType.DOUBLE);
            double[] g = Transforms.sigmoid(zs, false)
                    .subi(ys)
                    .muliColumnVector(w)
                    .data()
                    .asDouble();
            for (int i = 0; i < count; i++) {
                int base = rows[from + i] * nb;
                for (int j = 0; j < m * u; j++) {
                    eps[base + j] += (float) g[i * m * u + j];
                }
            }
        }
        return total;
    }
}
