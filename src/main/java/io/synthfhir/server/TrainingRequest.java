package io.synthfhir.server;

import io.synthfhir.model.Code;
import java.time.Duration;

/**
 * A checked {@code $train} request.
 *
 * @param timeBudget training stops (keeping its best model) when this much time has passed
 * @param epochs an epoch budget, or null for the time budget alone
 * @param seed seeds the split, the initial weights and every batch: same data + request → same model
 * @param k a code held by fewer than k distinct patients is never learned
 * @param epsilon a differential-privacy budget ε for DP-SGD, or null
 * @param delta DP δ (with epsilon or noiseMultiplier)
 * @param noiseMultiplier DP-SGD's σ given directly (ε is then what the accountant says was spent), or null
 * @param condition train only on patients who have this condition, or null for every real patient
 * @param heldOutShare share of patients held out for early stopping and the privacy gate
 * @param maxPatients at most this many patients (the first by id), or null for all
 */
record TrainingRequest(
        Duration timeBudget,
        Integer epochs,
        long seed,
        int k,
        Double epsilon,
        double delta,
        Double noiseMultiplier,
        Code condition,
        double heldOutShare,
        Integer maxPatients) {

    boolean differentiallyPrivate() {
        return epsilon != null || noiseMultiplier != null;
    }
}
