package io.synthfhir.server;

import io.synthfhir.eval.CohortSplit;
import io.synthfhir.eval.Thresholds;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.GeneratorMode;

/**
 * A parsed, checked {@code $evaluate} request.
 *
 * @param synthetic where the synthetic cohort comes from
 * @param run with {@code STORED}, only this run's records (its tag code), or null for all stored synthetic records
 * @param count with {@code GENERATE}, how many patients; null: as many as the real reference cohort
 * @param mode with {@code GENERATE}, which generator
 * @param cohort with {@code GENERATE}, what the generated patients look like (its seed is {@code seed})
 * @param seed seeds the generated cohort and every subsample and fold of the evaluation
 * @param split how real records divide into training (the privacy attacks' members) and held-out (the reference);
 *     null: no split, every real record is the reference and the training records are unknown
 * @param maxPatients the most real patients read
 * @param thresholds the bounds the figures are held to
 */
record EvaluationRequest(
        SyntheticSource synthetic,
        String run,
        Integer count,
        GeneratorMode mode,
        CohortSpec cohort,
        long seed,
        CohortSplit split,
        int maxPatients,
        Thresholds thresholds) {

    enum SyntheticSource {
        /** Generated on the fly with mode, seed, count and the cohort parameters. */
        GENERATE,
        /** The synthetic records stored in this server (tagged by this plugin). */
        STORED;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
