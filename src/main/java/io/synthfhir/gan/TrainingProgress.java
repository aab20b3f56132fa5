package io.synthfhir.gan;

import java.time.Duration;

/**
 * Where training stands.
 *
 * @param phase {@code encoding}, {@code epoch}, {@code evaluating} or {@code done}
 * @param epoch epochs completed
 * @param maxEpochs the epoch budget
 * @param updates parameter updates so far
 * @param elapsed wall time since training started
 * @param trainLoss mean negative log-likelihood per step over the last epoch's training batches (NaN before)
 * @param heldOutLoss the same on the held-out patients (NaN when there are none)
 * @param bestHeldOutLoss the best held-out loss so far, whose weights are kept
 * @param epsilon DP-SGD ε spent so far (NaN without DP)
 * @param message a line for people
 */
public record TrainingProgress(
        String phase,
        int epoch,
        int maxEpochs,
        long updates,
        Duration elapsed,
        double trainLoss,
        double heldOutLoss,
        double bestHeldOutLoss,
        double epsilon,
        String message) {}
