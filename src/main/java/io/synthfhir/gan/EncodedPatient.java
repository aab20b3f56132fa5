package io.synthfhir.gan;

import java.util.List;

/**
 * A training patient as the network sees it.
 *
 * @param male sex
 * @param birthYear fractional calendar year of birth
 * @param deceased whether the record ends in death (the last step's target is END) or is censored at the data's end
 * @param censorBin for a living patient, the first gap bin long enough to reach past the data's end from the last
 *     visit: the last step's target is "some bin from here on"; -1 when deceased
 * @param conditionSlots the cohort-condition slots of the learned conditions the patient ever has
 * @param visits the visits in time order
 */
record EncodedPatient(
        boolean male, double birthYear, boolean deceased, int censorBin, int[] conditionSlots, List<Visit> visits) {

    /** Steps of the sequence: one per visit, and a last one that predicts the end. */
    int steps() {
        return visits.size() + 1;
    }

    /** One visit: the step features and, aligned with {@code step.channels()}, each value's mode and alpha. */
    record Visit(Layout.Step step, int[] modes, float[] alphas) {}
}
