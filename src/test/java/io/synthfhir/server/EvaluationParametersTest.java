package io.synthfhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthfhir.eval.Thresholds;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.InvalidParameterException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvaluationParametersTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    private static SynthFhirProperties properties(Map<String, String> thresholds) {
        return new SynthFhirProperties(
                null,
                1000,
                1_000_000,
                Path.of("data"),
                null,
                0,
                new SynthFhirProperties.Access(true, List.of()),
                new SynthFhirProperties.Evaluation(5000, thresholds),
                new SynthFhirProperties.Models(false, 0, new SynthFhirProperties.Gate(0, 0.55, 0.6, 500)));
    }

    private final EvaluationParameters parameters = new EvaluationParameters(properties(Map.of()));

    /** A raw request with the given name/value pairs, everything else absent. */
    private static EvaluationParameters.Raw raw(String... nameValues) {
        Map<String, String> v = new java.util.HashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            v.put(nameValues[i], nameValues[i + 1]);
        }
        return new EvaluationParameters.Raw(
                v.get("synthetic"),
                v.get("run"),
                v.get("count"),
                v.get("seed"),
                v.get("mode"),
                v.containsKey("module") ? List.of(v.get("module")) : List.of(),
                v.get("gender"),
                v.get("minAge"),
                v.get("maxAge"),
                v.get("condition"),
                v.get("years"),
                v.get("heldOutShare"),
                v.get("splitSalt"),
                v.get("maxPatients"),
                v.containsKey("threshold") ? List.of(v.get("threshold")) : List.of());
    }

    private EvaluationRequest parse(String... nameValues) {
        return parameters.parse(raw(nameValues), TODAY);
    }

    @Test
    void absentParametersTakeTheDocumentedDefaults() {
        EvaluationRequest r = parse();

        assertThat(r.synthetic()).isEqualTo(EvaluationRequest.SyntheticSource.GENERATE);
        assertThat(r.mode()).isEqualTo(GeneratorMode.RULES);
        assertThat(r.count()).isNull();
        assertThat(r.seed()).isEqualTo(1);
        assertThat(r.cohort().seed()).isEqualTo(1);
        assertThat(r.cohort().referenceDate()).isEqualTo(TODAY);
        assertThat(r.split()).isNull();
        assertThat(r.maxPatients()).isEqualTo(5000);
        assertThat(r.thresholds()).isEqualTo(Thresholds.defaults());
    }

    @Test
    void splitSeedCountAndThresholdsAreRead() {
        EvaluationRequest r = parse(
                "heldOutShare", "0.2",
                "splitSalt", "-9",
                "seed", "42",
                "count", "30",
                "gender", "female",
                "threshold", "detection-accuracy-max=0.8,exact-copies-max:1");

        assertThat(r.split().heldOutShare()).isEqualTo(0.2);
        assertThat(r.split().salt()).isEqualTo(-9);
        assertThat(r.seed()).isEqualTo(42);
        assertThat(r.cohort().seed()).isEqualTo(42);
        assertThat(r.count()).isEqualTo(30);
        assertThat(r.cohort().gender()).isNotNull();
        assertThat(r.thresholds().detectionAccuracyMax()).isEqualTo(0.8);
        assertThat(r.thresholds().exactCopiesMax()).isEqualTo(1);
    }

    @Test
    void configuredThresholdsAreTheDefaultsARequestOverrides() {
        EvaluationParameters configured =
                new EvaluationParameters(properties(Map.of("median-ks-max", "0.2", "code-jsd-max", "0.3")));

        EvaluationRequest r = configured.parse(raw("threshold", "code-jsd-max=0.4"), TODAY);

        assertThat(r.thresholds().medianKsMax()).isEqualTo(0.2);
        assertThat(r.thresholds().codeJsdMax()).isEqualTo(0.4);
        assertThatThrownBy(() -> properties(Map.of("median-ks", "0.2")))
                .hasMessageContaining("synthfhir.evaluation.thresholds: unknown threshold 'median-ks'");
    }

    @Test
    void storedSyntheticTakesARunAndRefusesGeneratorParameters() {
        EvaluationRequest r = parse("synthetic", "stored", "run", "rules:rules-abc:seed=7");
        assertThat(r.synthetic()).isEqualTo(EvaluationRequest.SyntheticSource.STORED);
        assertThat(r.run()).isEqualTo("rules:rules-abc:seed=7");

        assertRefused(raw("synthetic", "stored", "mode", "gan"), "mode", "synthetic=generate");
        assertRefused(raw("synthetic", "stored", "minAge", "3"), "minAge", "synthetic=generate");
        assertRefused(raw("run", "x"), "run", "synthetic=stored");
    }

    @Test
    void badValuesNameTheParameterAndWhatIsAllowed() {
        assertRefused(raw("heldOutShare", "0"), "heldOutShare", "above 0 and below 1");
        assertRefused(raw("heldOutShare", "half"), "heldOutShare", "above 0 and below 1");
        assertRefused(raw("splitSalt", "3"), "splitSalt", "heldOutShare");
        assertRefused(raw("heldOutShare", "0.3", "splitSalt", "x"), "splitSalt", "integer");
        assertRefused(raw("count", "1001"), "count", "1 to 1000");
        assertRefused(raw("maxPatients", "6000"), "maxPatients", "1 to 5000");
        assertRefused(raw("seed", "1e3"), "seed", "integer");
        assertRefused(raw("minAge", "200"), "minAge", "0 to 110");
        assertRefused(raw("synthetic", "real"), "synthetic", "generate | stored");
        assertRefused(raw("threshold", "0.8"), "threshold", "name=value");
    }

    private void assertRefused(EvaluationParameters.Raw raw, String parameter, String allowed) {
        assertThatThrownBy(() -> parameters.parse(raw, TODAY))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo(parameter);
                    assertThat(e.getMessage()).contains(allowed);
                });
    }
}
