package io.synthfhir.gan;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * What a model file says about itself: where it came from (data hash, patient counts, split, seed, k), how it was
 * trained (hyper-parameters, library versions, the run), what privacy it spent, and how it measured against the
 * held-out patients at the end of training. Serialised as {@code manifest.json} inside the file.
 *
 * @param formatVersion the file layout; a reader refuses a version it does not know
 * @param modelId {@code gan-} and the first 12 hex digits of SHA-256 over the encoding and weights: the generator
 *     version every output is tagged with
 * @param createdAt ISO-8601 instant the training finished
 * @param dataHash SHA-256 of the training records' canonical content (not of the file they came from)
 * @param metrics held-out figures at the end of training, by evaluation id (docs/evaluation.md), plus {@code
 *     heldout.nll-per-step}; figures that could not be computed are absent
 */
public record ModelManifest(
        int formatVersion,
        String modelId,
        String createdAt,
        String dataHash,
        int trainingPatients,
        int heldOutPatients,
        long seed,
        int k,
        TrainingConfig.Split split,
        Map<String, String> libraries,
        HyperParameters hyperParameters,
        PrivacySpent privacy,
        Run run,
        Sizes sizes,
        Map<String, Double> metrics) {

    public static final int FORMAT_VERSION = 1;

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public ModelManifest {
        libraries = libraries == null ? Map.of() : Map.copyOf(libraries);
        metrics = metrics == null ? Map.of() : new LinkedHashMap<>(metrics);
    }

    /** The training configuration that matters for reproducing the model. */
    public record HyperParameters(
            int embedding,
            int hidden,
            int mix,
            double l2,
            double learningRate,
            int batchSize,
            int window,
            int burnIn,
            int gapBins,
            int maxEpochs,
            long timeBudgetSeconds,
            int patience,
            double adversarialWeight,
            int criticHidden,
            int adversarialWarmupEpochs,
            int mixtures) {

        /** Files written before head B had mixture components hold none: one component. */
        public HyperParameters {
            mixtures = Math.max(mixtures, 1);
        }

        static HyperParameters of(TrainingConfig c) {
            return new HyperParameters(
                    c.shape().embedding(),
                    c.shape().hidden(),
                    c.shape().mix(),
                    c.shape().l2(),
                    c.learningRate(),
                    c.batching().size(),
                    c.batching().window(),
                    c.batching().burnIn(),
                    c.gapBins(),
                    c.maxEpochs(),
                    c.timeBudget().getSeconds(),
                    c.patience(),
                    c.adversarial().weight(),
                    c.adversarial().criticHidden(),
                    c.adversarial().warmupEpochs(),
                    c.shape().mixtures());
        }
    }

    /**
     * The DP-SGD guarantee actually spent: (ε, δ) after {@code steps} steps of sampling rate q and noise multiplier σ
     * (Rényi accountant), and a sentence saying what it covers.
     */
    public record PrivacySpent(
            double epsilon,
            double delta,
            double noiseMultiplier,
            double clipNorm,
            double samplingRate,
            long steps,
            String covers) {}

    /** How the run went: epochs done, updates, wall and CPU time, why it stopped, the epoch whose weights were kept. */
    public record Run(
            int epochs, long updates, double wallSeconds, double cpuSeconds, String stopReason, int bestEpoch) {}

    /** Sizes of what was learned. */
    public record Sizes(int tokens, int groups, int channels, int visitTypes, int gapBins, long parameters) {}

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("manifest cannot be written as JSON", e);
        }
    }

    public static ModelManifest fromJson(String json) {
        try {
            return JSON.readValue(json, ModelManifest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a model manifest: " + e.getOriginalMessage(), e);
        }
    }

    /** DL4J, ND4J and SynthFHIR versions, from the jars' Maven descriptors. */
    static Map<String, String> libraryVersions() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("deeplearning4j", version("/META-INF/maven/org.deeplearning4j/deeplearning4j-nn/pom.properties"));
        v.put("nd4j", version("/META-INF/maven/org.nd4j/nd4j-api/pom.properties"));
        String own = version("/META-INF/maven/io.synthfhir/synthfhir/pom.properties");
        if ("unknown".equals(own) && ModelManifest.class.getPackage().getImplementationVersion() != null) {
            own = ModelManifest.class.getPackage().getImplementationVersion();
        }
        v.put("synthfhir", "unknown".equals(own) ? "development build" : own);
        v.put("java", System.getProperty("java.version"));
        return v;
    }

    private static String version(String resource) {
        try (InputStream in = ModelManifest.class.getResourceAsStream(resource)) {
            if (in == null) {
                return "unknown";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
