package io.synthfhir.gan;

import java.time.Duration;
import java.util.Objects;

/**
 * How to train. Defaults ({@link #defaults(long)}) are the configuration docs/gan.md measured.
 *
 * @param seed seeds initial weights, batch order, cohort-condition draws and the DP noise
 * @param k a code held by fewer than k distinct training patients is never learned
 * @param maxEpochs stop after this many passes over the training patients
 * @param timeBudget stop when the next epoch would start after this much training time
 * @param patience stop when the held-out loss has not improved for this many epochs (the best weights are kept)
 * @param shape network sizes
 * @param learningRate Adam's step size
 * @param visitsPerBatch batches gather patients of similar length up to this many visits (without DP)
 * @param gapBins how many gap bins to learn
 * @param adversarial the adversarial term, or {@link Adversarial#OFF}
 * @param privacy DP-SGD, or null to train without it
 * @param threads native (OpenMP) threads for ND4J
 * @param evaluationPatients synthetic patients sampled at the end to measure the model against the held-out ones (0:
 *     skip)
 * @param split how the caller split training and held-out records, recorded in the manifest
 */
public record TrainingConfig(
        long seed,
        int k,
        int maxEpochs,
        Duration timeBudget,
        int patience,
        Shape shape,
        double learningRate,
        int visitsPerBatch,
        int gapBins,
        Adversarial adversarial,
        Privacy privacy,
        int threads,
        int evaluationPatients,
        Split split) {

    public TrainingConfig {
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(shape, "shape");
        adversarial = adversarial == null ? Adversarial.OFF : adversarial;
        split = split == null ? Split.UNKNOWN : split;
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (maxEpochs < 1) {
            throw new IllegalArgumentException("epochs must be at least 1, was " + maxEpochs);
        }
        if (timeBudget.isNegative() || timeBudget.isZero()) {
            throw new IllegalArgumentException("time budget must be positive, was " + timeBudget);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }

    public static TrainingConfig defaults(long seed) {
        return new TrainingConfig(
                seed,
                5,
                60,
                Duration.ofMinutes(8),
                6,
                Shape.DEFAULT,
                2e-3,
                1024,
                GapBins.DEFAULT_BINS,
                Adversarial.OFF,
                null,
                2,
                500,
                Split.UNKNOWN);
    }

    /**
     * Network sizes: the embedding of the previous visit, the LSTM state, the mixing layer of head B; and L2 weight
     * decay.
     */
    public record Shape(int embedding, int hidden, int mix, double l2) {
        public static final Shape DEFAULT = new Shape(128, 128, 128, 1e-5);

        public Shape {
            if (embedding < 1 || hidden < 1 || mix < 1) {
                throw new IllegalArgumentException(
                        "network sizes must be positive: " + embedding + ", " + hidden + ", " + mix);
            }
        }
    }

    /**
     * The adversarial term beside the likelihood: a recurrent critic judges each generated visit against the real
     * history it continues, and the generator follows its gradient (straight-through through the sampled codes).
     *
     * @param weight weight of the adversarial gradient relative to the likelihood's; 0 turns it off
     * @param criticHidden the critic's LSTM size
     * @param noise noise inputs of head B (what lets a generated visit's codes vary together)
     * @param warmupEpochs likelihood-only epochs before the adversarial term starts
     */
    public record Adversarial(double weight, int criticHidden, int noise, int warmupEpochs) {
        public static final Adversarial OFF = new Adversarial(0, 64, 0, 0);

        public boolean enabled() {
            return weight > 0;
        }
    }

    /**
     * DP-SGD (Abadi et al. 2016): Poisson-sampled batches, per-example clipping to {@code clipNorm}, Gaussian noise of
     * standard deviation {@code noiseMultiplier · clipNorm}. Give either a target ε (the noise multiplier is then the
     * smallest that fits the planned steps) or a noise multiplier (training then stops when {@code maxEpsilon}, if
     * set, would be exceeded).
     */
    public record Privacy(
            Double targetEpsilon, Double noiseMultiplier, double delta, double clipNorm, double samplingRate) {
        public Privacy {
            if ((targetEpsilon == null) == (noiseMultiplier == null)) {
                throw new IllegalArgumentException(
                        "DP-SGD needs exactly one of a target epsilon or a noise multiplier");
            }
            if (targetEpsilon != null && targetEpsilon <= 0) {
                throw new IllegalArgumentException("target epsilon must be positive, was " + targetEpsilon);
            }
            if (noiseMultiplier != null && noiseMultiplier <= 0) {
                throw new IllegalArgumentException("noise multiplier must be positive, was " + noiseMultiplier);
            }
            if (!(delta > 0 && delta < 1)) {
                throw new IllegalArgumentException("delta must be in (0, 1), was " + delta);
            }
            if (clipNorm <= 0) {
                throw new IllegalArgumentException("clip norm must be positive, was " + clipNorm);
            }
            if (!(samplingRate > 0 && samplingRate <= 1)) {
                throw new IllegalArgumentException("sampling rate must be in (0, 1], was " + samplingRate);
            }
        }
    }

    /** How training and held-out records were split, for the manifest; any field may be null when not applicable. */
    public record Split(String method, Long salt, Double heldOutShare, Integer heldOutLines) {
        public static final Split UNKNOWN = new Split("given by the caller", null, null, null);
    }

    public TrainingConfig withK(int value) {
        return new TrainingConfig(
                seed,
                value,
                maxEpochs,
                timeBudget,
                patience,
                shape,
                learningRate,
                visitsPerBatch,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                split);
    }

    public TrainingConfig withEpochs(int value) {
        return new TrainingConfig(
                seed,
                k,
                value,
                timeBudget,
                patience,
                shape,
                learningRate,
                visitsPerBatch,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                split);
    }

    public TrainingConfig withTimeBudget(Duration value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                value,
                patience,
                shape,
                learningRate,
                visitsPerBatch,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                split);
    }

    public TrainingConfig withShape(Shape value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                timeBudget,
                patience,
                value,
                learningRate,
                visitsPerBatch,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                split);
    }

    public TrainingConfig withAdversarial(Adversarial value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                timeBudget,
                patience,
                shape,
                learningRate,
                visitsPerBatch,
                gapBins,
                value,
                privacy,
                threads,
                evaluationPatients,
                split);
    }

    public TrainingConfig withPrivacy(Privacy value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                timeBudget,
                patience,
                shape,
                learningRate,
                visitsPerBatch,
                gapBins,
                adversarial,
                value,
                threads,
                evaluationPatients,
                split);
    }

    public TrainingConfig withEvaluationPatients(int value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                timeBudget,
                patience,
                shape,
                learningRate,
                visitsPerBatch,
                gapBins,
                adversarial,
                privacy,
                threads,
                value,
                split);
    }

    public TrainingConfig withSplit(Split value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                timeBudget,
                patience,
                shape,
                learningRate,
                visitsPerBatch,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                value);
    }

    public TrainingConfig withPatience(int value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                timeBudget,
                value,
                shape,
                learningRate,
                visitsPerBatch,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                split);
    }

    public TrainingConfig withLearningRate(double value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                timeBudget,
                patience,
                shape,
                value,
                visitsPerBatch,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                split);
    }

    public TrainingConfig withVisitsPerBatch(int value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                timeBudget,
                patience,
                shape,
                learningRate,
                value,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                split);
    }
}
