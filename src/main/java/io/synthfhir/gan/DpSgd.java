package io.synthfhir.gan;

import io.synthfhir.privacy.RdpAccountant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.rng.Random;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DP-SGD (Abadi et al. 2016, "Deep Learning with Differential Privacy", Algorithm 1) over patients: each step draws a
 * Poisson sample (every training patient independently with probability q), computes each sampled patient's gradient
 * alone (all of its sequence windows together: the patient is the unit of privacy), clips it to L2 norm C, sums, adds
 * Gaussian noise of standard deviation σC to every coordinate, and divides by the expected sample size qN. Every
 * update computed from training records goes through here, so the Rényi accountant's (ε, δ) covers the weights.
 *
 * <p>The sampling and the noise draw from {@link SecureRandom} (the noise through ND4J's generator, reseeded from it
 * every step): neither can be derived from the seed the manifest records, so DP runs are not reproducible.
 */
final class DpSgd {
    private final TrainingConfig.Privacy privacy;
    private final double sigma;
    private final long plannedSteps;
    private final RdpAccountant accountant = new RdpAccountant();
    private final SecureRandom secure = new SecureRandom();
    private long steps;

    /**
     * @param epochs the epoch budget: with a target ε, σ is the smallest noise multiplier that stays within it for
     *     {@code epochs / q} steps
     */
    DpSgd(TrainingConfig.Privacy privacy, int epochs) {
        this.privacy = privacy;
        this.plannedSteps = Math.max(1, Math.round(epochs / privacy.samplingRate()));
        this.sigma = privacy.noiseMultiplier() != null
                ? privacy.noiseMultiplier()
                : accountant.sigmaFor(privacy.targetEpsilon(), privacy.samplingRate(), plannedSteps, privacy.delta());
    }

    double sigma() {
        return sigma;
    }

    long steps() {
        return steps;
    }

    /** ε spent so far at the configured δ. */
    double epsilon() {
        return accountant.epsilon(privacy.samplingRate(), sigma, steps, privacy.delta());
    }

    /** Whether one more step would exceed the budget (a target ε, or the planned steps of a fixed σ). */
    boolean budgetSpent() {
        if (privacy.targetEpsilon() != null) {
            return accountant.epsilon(privacy.samplingRate(), sigma, steps + 1, privacy.delta())
                    > privacy.targetEpsilon() + 1e-9;
        }
        return false;
    }

    double delta() {
        return privacy.delta();
    }

    /** The expected number of patients in a Poisson sample from n. */
    double samplingRateTimes(int n) {
        return privacy.samplingRate() * n;
    }

    /** Steps of one epoch: 1/q, so that each patient is sampled about once. */
    int stepsPerEpoch() {
        return (int) Math.max(1, Math.round(1 / privacy.samplingRate()));
    }

    /** The per-patient gradients of a step, each clipped, and their sum. */
    static final class ClippedSum {
        private final double clip;
        private INDArray sum;
        private int examples;

        ClippedSum(double clip) {
            this.clip = clip;
        }

        /** Adds one example's gradient scaled to norm at most C; returns the norm it had. */
        double add(INDArray gradient) {
            double norm = gradient.norm2Number().doubleValue();
            double factor = Math.min(1, clip / Math.max(norm, 1e-12));
            INDArray clipped = gradient.mul(factor);
            sum = sum == null ? clipped : sum.addi(clipped);
            examples++;
            return norm;
        }

        /** The sum so far, or zeros shaped like {@code like} when no example was sampled. */
        INDArray sum(INDArray like) {
            return sum == null ? like.like().assign(0) : sum;
        }

        int examples() {
            return examples;
        }
    }

    /** One DP-SGD step on the generator; returns the (unnoised, for monitoring only) likelihood of the sample. */
    MleLoss.Parts step(
            ComputationGraph graph,
            Layout layout,
            List<List<Batch.Segment>> patients,
            int expectedSample,
            int iteration,
            int epoch,
            java.util.function.ToIntFunction<EncodedPatient> conditionSlot) {
        List<List<Batch.Segment>> sample = new ArrayList<>();
        for (List<Batch.Segment> p : patients) {
            if (secure.nextDouble() < privacy.samplingRate()) {
                sample.add(p);
            }
        }
        ClippedSum sum = new ClippedSum(privacy.clipNorm());
        MleLoss.Parts parts = MleLoss.Parts.ZERO;
        for (List<Batch.Segment> segments : sample) {
            Example e = exampleGradient(
                    graph,
                    layout,
                    segments,
                    conditionSlot.applyAsInt(segments.get(0).patient()));
            sum.add(e.gradient());
            parts = parts.plus(e.parts());
        }
        INDArray noisy = sum.sum(graph.params());
        Random rng = Nd4j.getRandomFactory().getNewRandomInstance(secure.nextLong());
        noisy.addi(Nd4j.randn(0, sigma * privacy.clipNorm(), noisy.shape(), rng));
        noisy.divi(Math.max(1, expectedSample));
        Gradient update = gradientView(graph, noisy);
        MleStep.apply(graph, update, iteration, epoch, Math.max(1, sample.size()));
        steps++;
        return parts;
    }

    /** One patient's gradient (a flat copy) and likelihood. */
    record Example(INDArray gradient, MleLoss.Parts parts) {}

    /**
     * The gradient of one patient's mean loss per step, all of its windows together: the per-example gradient that
     * DP-SGD clips.
     */
    static Example exampleGradient(ComputationGraph graph, Layout layout, List<Batch.Segment> segments, int slot) {
        int[] slots = new int[segments.size()];
        java.util.Arrays.fill(slots, slot);
        Batch batch = Batch.of(segments, slots, layout);
        MleStep.Forward f = MleStep.forward(graph, layout, batch, true);
        Gradient g = MleStep.backward(graph, layout, f.rows(), f.epsA(), f.epsB());
        return new Example(g.gradient().dup(), f.parts());
    }

    /** Puts a flat gradient into the network's gradient view, as backprop would have. */
    static Gradient gradientView(ComputationGraph graph, INDArray flat) {
        Gradient g = graph.gradient();
        if (g == null) {
            throw new IllegalStateException("no backward pass has set up the gradient view yet");
        }
        g.gradient().assign(flat);
        return g;
    }

    ModelManifest.PrivacySpent spent() {
        return new ModelManifest.PrivacySpent(
                epsilon(),
                privacy.delta(),
                sigma,
                privacy.clipNorm(),
                privacy.samplingRate(),
                steps,
                "the network weights (every update from training records is a clipped, noised step of the subsampled"
                        + " Gaussian mechanism). Not covered: the vocabulary, value normalisers, gap bins, visit"
                        + " types, event timings and the demographic prior, computed from the training records"
                        + " directly (codes held by fewer than k patients are dropped); the held-out records used"
                        + " for early stopping and the final figures");
    }
}
