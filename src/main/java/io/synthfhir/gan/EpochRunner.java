package io.synthfhir.gan;

import java.util.function.BooleanSupplier;

/**
 * One pass over the training patients, the way a configuration trains: plain minibatches, or DP-SGD steps. The
 * runner polls the caller's cancellation between updates and stops early when a budget (time, privacy) runs out.
 */
interface EpochRunner {

    /** What an epoch did; {@code stopReason} is null unless a budget ended training during it. */
    record Result(MleLoss.Parts parts, String stopReason) {}

    /** Limits the runner must respect between updates. */
    record Limits(BooleanSupplier cancelled, BooleanSupplier outOfTime, String timeReason) {}

    Result run(int epoch, Limits limits);

    /** Parameter updates made so far. */
    long updates();

    /** What was spent of a privacy budget, or null without DP. */
    default ModelManifest.PrivacySpent privacy() {
        return null;
    }
}
