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
 * @param batching how sequences are cut and grouped into batches (without DP)
 * @param gapBins how many gap bins to learn
 * @param adversarial the adversarial term, or {@link Adversarial#OFF}
 * @param privacy DP-SGD, or null to train without it
 * @param threads native (OpenMP) threads for ND4J; 1 by default: on the shared 2-core machine two OpenMP threads made
 *     an epoch 3-10 times slower in wall time than one (docs/gan.md)
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
        Batching batching,
        int gapBins,
        Adversarial adversarial,
        Privacy privacy,
        int threads,
        int evaluationPatients,
        Split split) {

    public TrainingConfig {
        Objects.requireNonNull(timeBudget, "timeBudget");
        Objects.requireNonNull(shape, "shape");
        Objects.requireNonNull(batching, "batching");
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
                40,
                Duration.ofMinutes(8),
                6,
                Shape.DEFAULT,
                2e-3,
                Batching.DEFAULT,
                GapBins.DEFAULT_BINS,
                Adversarial.OFF,
                null,
                1,
                500,
                Split.UNKNOWN);
    }

    /**
     * Network sizes: the embedding of the previous visit, the LSTM state, the mixing layer of head B; L2 weight decay;
     * and the components of head B's unit mixture (1: independent Bernoulli units).
     */
    public record Shape(int embedding, int hidden, int mix, double l2, int mixtures) {
        /**
         * Measured on the 237-patient corpus (docs/gan.md): 64 wide with a 4-component unit mixture reaches a lower
         * held-out loss and better fidelity than 128 wide with independent units, at half the parameters.
         */
        public static final Shape DEFAULT = new Shape(64, 64, 64, 1e-5, 4);

        public Shape {
            if (embedding < 1 || hidden < 1 || mix < 1) {
                throw new IllegalArgumentException(
                        "network sizes must be positive: " + embedding + ", " + hidden + ", " + mix);
            }
            if (mixtures < 1 || mixtures > 64) {
                throw new IllegalArgumentException("mixture components must be 1 to 64, was " + mixtures);
            }
        }

        /** Independent Bernoulli units (one mixture component). */
        public Shape(int embedding, int hidden, int mix, double l2) {
            this(embedding, hidden, mix, l2, 1);
        }

        public Shape withMixtures(int m) {
            return new Shape(embedding, hidden, mix, l2, m);
        }
    }

    /**
     * Batches: {@code size} sequence segments of similar length each; a sequence longer than {@code window +
     * burnIn} steps is cut into windows of {@code window} trained steps, each fed {@code burnIn} earlier steps first.
     */
    public record Batching(int size, int window, int burnIn) {
        public static final Batching DEFAULT = new Batching(24, 192, 48);

        public Batching {
            if (size < 1 || window < 1 || burnIn < 0) {
                throw new IllegalArgumentException("batching needs a positive size and window and a burn-in >= 0: "
                        + size + ", " + window + ", " + burnIn);
            }
        }
    }

    /**
     * The adversarial term beside the likelihood, SeqGAN style: a recurrent critic judges generated histories after
     * every visit, and the generator follows the policy gradient of its judgement (see {@code Adversary}).
     *
     * @param weight weight of the adversarial gradient relative to the likelihood's; 0 turns it off
     * @param criticHidden the critic's LSTM size
     * @param warmupEpochs likelihood-only epochs before the adversarial term starts
     */
    public record Adversarial(double weight, int criticHidden, int warmupEpochs) {
        public static final Adversarial OFF = new Adversarial(0, 64, 0);

        public Adversarial {
            if (weight < 0 || criticHidden < 1 || warmupEpochs < 0) {
                throw new IllegalArgumentException(
                        "adversarial term needs weight >= 0, critic size >= 1, warm-up >= 0: " + weight + ", "
                                + criticHidden + ", " + warmupEpochs);
            }
        }

        public boolean enabled() {
            return weight > 0;
        }
    }

    /**
     * DP-SGD (Abadi et al. 2016): Poisson-sampled batches, per-example clipping to {@code clipNorm}, Gaussian noise of
     * standard deviation {@code noiseMultiplier · clipNorm}. With a target ε alone, the noise multiplier is the
     * smallest that fits the epoch budget's steps; with a noise multiplier alone, ε is whatever the steps taken cost;
     * with both, training stops before ε would pass the target.
     */
    public record Privacy(
            Double targetEpsilon, Double noiseMultiplier, double delta, double clipNorm, double samplingRate) {
        public Privacy {
            if (targetEpsilon == null && noiseMultiplier == null) {
                throw new IllegalArgumentException("DP-SGD needs a target epsilon, a noise multiplier, or both");
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
                batching,
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
                batching,
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
                batching,
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
                batching,
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
                batching,
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
                batching,
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
                batching,
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
                batching,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                value);
    }

    public TrainingConfig withThreads(int value) {
        return new TrainingConfig(
                seed,
                k,
                maxEpochs,
                timeBudget,
                patience,
                shape,
                learningRate,
                batching,
                gapBins,
                adversarial,
                privacy,
                value,
                evaluationPatients,
                split);
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
                batching,
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
                batching,
                gapBins,
                adversarial,
                privacy,
                threads,
                evaluationPatients,
                split);
    }

    public TrainingConfig withBatching(Batching value) {
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
