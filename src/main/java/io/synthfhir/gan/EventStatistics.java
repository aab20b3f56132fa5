package io.synthfhir.gan;

import io.synthfhir.model.Code;
import java.util.List;
import java.util.SplittableRandom;

/**
 * What the decoder needs beyond the codes: how long events last and why they happen, learned per token and per visit
 * type from training records. Reasons are restricted to learned condition tokens (held by at least k patients).
 *
 * @param tokens per token: for conditions the share that abate and how long they last, for medications the share
 *     that end and after how long, for procedures their duration; for medications and procedures their most frequent
 *     reasons
 * @param visitTypes per visit type: encounter durations and most frequent reasons
 */
record EventStatistics(List<Timing> tokens, List<Timing> visitTypes) {

    /** A reason code and how many training events gave it. */
    record Reason(Code code, int count) {}

    /**
     * @param endShare share of events that have an end (abatement, stop) in training
     * @param durations seconds from start to end of those that do, or null when none did
     * @param reasons most frequent reasons first
     * @param reasonShare share of events that gave a (learned) reason
     */
    record Timing(double endShare, Quantiles durations, List<Reason> reasons, double reasonShare) {
        Timing {
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }

        /** A duration in seconds, or -1 for an event that does not end. */
        long sampleSeconds(SplittableRandom random) {
            if (durations == null || random.nextDouble() >= endShare) {
                return -1;
            }
            return Math.max(0, Math.round(durations.sample(random)));
        }
    }
}
