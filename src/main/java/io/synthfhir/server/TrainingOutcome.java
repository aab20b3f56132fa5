package io.synthfhir.server;

import java.util.List;
import java.util.Map;

/**
 * What a finished {@code $train} job made: the model, whether it passed the privacy gate and now serves, and the
 * figures behind both decisions.
 *
 * @param modelId the new model's id (it names the model in every output's meta.tag)
 * @param activated true when the model passed the gate and now answers mode=gan and mode=hybrid
 * @param gateReasons why the gate refused the model (empty when it passed)
 * @param gateFigures the privacy audit's figures on the held-out split
 * @param metrics the held-out fidelity figures at the end of training
 * @param epsilon the differential-privacy ε spent, or null for non-private training
 * @param delta the DP δ, or null
 */
record TrainingOutcome(
        String modelId,
        String modelFile,
        boolean activated,
        List<String> gateReasons,
        Map<String, Double> gateFigures,
        Map<String, Double> metrics,
        int trainingPatients,
        int heldOutPatients,
        Double epsilon,
        Double delta,
        double seconds) {

    TrainingOutcome {
        gateReasons = List.copyOf(gateReasons);
        gateFigures = Map.copyOf(gateFigures);
        metrics = Map.copyOf(metrics);
    }
}
