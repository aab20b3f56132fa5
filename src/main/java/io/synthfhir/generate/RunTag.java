package io.synthfhir.generate;

/**
 * Names the generator run that produced a resource; the mapper writes it into every resource's meta.tag so that
 * synthetic data can be found and purged ({@code _tag=https://synthfhir.io/fhir/CodeSystem/run|...}).
 *
 * @param privacy the differential-privacy guarantee of the model that answered (e.g. {@code epsilon=2.95;delta=1e-05}),
 *     written as a tag of its own; null when the generator makes no such claim
 */
public record RunTag(GeneratorMode mode, long seed, String generatorVersion, String privacy) {
    public static final String SYSTEM = "https://synthfhir.io/fhir/CodeSystem/synthetic-run";
    /** The code system of the privacy tag: the (ε, δ) a learned model was trained under. */
    public static final String PRIVACY_SYSTEM = "https://synthfhir.io/fhir/CodeSystem/differential-privacy";
    /** The tag every synthetic resource carries whatever its run, for one-call purges. */
    public static final String SYNTHETIC_CODE = "synthetic";

    public RunTag(GeneratorMode mode, long seed, String generatorVersion) {
        this(mode, seed, generatorVersion, null);
    }

    /** The tag of a run of {@code generator}: its mode, version and privacy guarantee. */
    public static RunTag of(PatientGenerator generator, long seed) {
        return new RunTag(
                generator.mode(),
                seed,
                generator.version(),
                generator.privacyGuarantee().orElse(null));
    }

    public String code() {
        return mode.code() + ":" + generatorVersion + ":seed=" + seed;
    }
}
