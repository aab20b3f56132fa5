package io.synthfhir.generate;

import io.synthfhir.model.PatientRecord;

/**
 * The one interface every generator (rules, gan, hybrid) implements; {@code $synthesize} asks for one by mode.
 *
 * <p>Contract: {@link #generate} is a pure function of (spec, index) and the generator's own fixed state (loaded
 * modules, model weights). It draws all randomness from {@link PatientSeeds#forPatient(long, long)} so that the same
 * inputs give the same record whatever thread, order or batch size is used. It is safe to call from many threads.
 */
public interface PatientGenerator {

    GeneratorMode mode();

    /** A short version string that goes into every output's meta.tag, e.g. {@code rules-1.0} or a model id. */
    String version();

    /**
     * Checks that this generator can serve the spec (known modules, a condition it can steer to) before any patient
     * is made, so that a bad request fails whole and early.
     *
     * @throws InvalidParameterException naming the parameter at fault
     */
    void check(CohortSpec spec);

    /**
     * The differential-privacy guarantee of what this generator learned from real records, as it goes into the
     * privacy tag of every output ({@code epsilon=2.95;delta=1e-05}); empty when it makes no such claim (the rule
     * engine learns nothing from real records; a model trained without DP-SGD has no ε).
     */
    default java.util.Optional<String> privacyGuarantee() {
        return java.util.Optional.empty();
    }

    /** The {@code index}-th patient of the cohort described by {@code spec}. */
    PatientRecord generate(CohortSpec spec, long index);
}
