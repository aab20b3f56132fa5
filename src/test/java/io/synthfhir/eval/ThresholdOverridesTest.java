package io.synthfhir.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ThresholdOverridesTest {

    @Test
    void namesAreTheRecordComponentsInKebabCase() {
        assertThat(ThresholdOverrides.names())
                .hasSize(Thresholds.class.getRecordComponents().length)
                .startsWith("halo-code-r2-min", "halo-pair-r2-min")
                .contains("detection-accuracy-max", "exact-copies-max", "violation-rate-max");
    }

    @Test
    void overridesReplaceOnlyTheNamedThresholds() {
        Thresholds t = ThresholdOverrides.apply(
                Thresholds.defaults(), Map.of("detection-accuracy-max", "0.8", "Exact-Copies-Max", " 2 "));

        assertThat(t.detectionAccuracyMax()).isEqualTo(0.8);
        assertThat(t.exactCopiesMax()).isEqualTo(2);
        assertThat(t.haloCodeR2Min()).isEqualTo(Thresholds.defaults().haloCodeR2Min());
        assertThat(ThresholdOverrides.apply(Thresholds.defaults(), Map.of())).isEqualTo(Thresholds.defaults());
    }

    @Test
    void unknownNamesAndBadValuesAreRefusedByName() {
        assertThatThrownBy(() -> ThresholdOverrides.apply(Thresholds.defaults(), Map.of("detection-max", "1")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown threshold 'detection-max'")
                .hasMessageContaining("detection-accuracy-max");
        assertThatThrownBy(() -> ThresholdOverrides.apply(Thresholds.defaults(), Map.of("exact-copies-max", "0.5")))
                .hasMessageContaining("'exact-copies-max' must be a whole number, was '0.5'");
        assertThatThrownBy(() -> ThresholdOverrides.apply(Thresholds.defaults(), Map.of("code-jsd-max", "NaN")))
                .hasMessageContaining("'code-jsd-max' must be a finite number");
        assertThatThrownBy(() -> ThresholdOverrides.apply(Thresholds.defaults(), Map.of("exact-copies-max", "-1")))
                .hasMessageContaining("exactCopiesMax must be 0 or more");
    }
}
