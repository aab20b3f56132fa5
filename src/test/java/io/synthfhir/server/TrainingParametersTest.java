package io.synthfhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthfhir.generate.InvalidParameterException;
import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingParametersTest {
    private final TrainingParameters parameters = new TrainingParameters();

    private static TrainingParameters.Raw raw(String name, String value) {
        return new TrainingParameters.Raw(
                name.equals("timeBudget") ? value : null,
                name.equals("epochs") ? value : null,
                name.equals("seed") ? value : null,
                name.equals("k") ? value : null,
                name.equals("epsilon") ? value : null,
                name.equals("delta") ? value : null,
                name.equals("noiseMultiplier") ? value : null,
                name.equals("condition") ? value : null,
                name.equals("heldOutShare") ? value : null,
                name.equals("maxPatients") ? value : null);
    }

    private TrainingRequest parse(TrainingParameters.Raw raw) {
        return parameters.parse(raw, new SplittableRandom(1));
    }

    @Test
    void defaultsAreAnEightMinuteBudgetKFiveAndAFifthHeldOutWithoutDifferentialPrivacy() {
        TrainingRequest r = parse(raw("none", null));

        assertThat(r.timeBudget()).isEqualTo(Duration.ofMinutes(8));
        assertThat(r.epochs()).isNull();
        assertThat(r.k()).isEqualTo(5);
        assertThat(r.heldOutShare()).isEqualTo(0.2);
        assertThat(r.differentiallyPrivate()).isFalse();
        assertThat(r.seed()).isNotNegative();
    }

    @Test
    void timeBudgetTakesIsoAndShortForms() {
        assertThat(parse(raw("timeBudget", "PT5M")).timeBudget()).isEqualTo(Duration.ofMinutes(5));
        assertThat(parse(raw("timeBudget", "90s")).timeBudget()).isEqualTo(Duration.ofSeconds(90));
        assertThat(parse(raw("timeBudget", "2h")).timeBudget()).isEqualTo(Duration.ofHours(2));
        assertThat(parse(raw("timeBudget", "3m")).timeBudget()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void epsilonMakesTheTrainingDifferentiallyPrivateWithTheDefaultDelta() {
        TrainingRequest r = parse(raw("epsilon", "3"));

        assertThat(r.differentiallyPrivate()).isTrue();
        assertThat(r.epsilon()).isEqualTo(3.0);
        assertThat(r.delta()).isEqualTo(1e-5);
    }

    @Test
    void badValuesAreRefusedByNameWithWhatIsAllowed() {
        assertRefused(raw("timeBudget", "5 fortnights"), "timeBudget", "a duration from 10 s to 12 h");
        assertRefused(raw("timeBudget", "1s"), "timeBudget", "a duration from 10 s to 12 h");
        assertRefused(raw("epochs", "0"), "epochs", "an integer from 1 to 100000");
        assertRefused(raw("k", "many"), "k", "an integer from 1 to 1000");
        assertRefused(raw("epsilon", "-1"), "epsilon", "a number above 0");
        assertRefused(raw("heldOutShare", "0.9"), "heldOutShare", "a number from 0.05 to 0.5");
        assertRefused(raw("seed", "1.5"), "seed", "an integer from");
        assertRefused(raw("condition", "not a code!"), "condition", "a code, or system|code");
        assertRefused(raw("delta", "1e-5"), "delta", "given only with epsilon or noiseMultiplier");
    }

    @Test
    void epsilonAndANoiseMultiplierTogetherAreRefused() {
        TrainingParameters.Raw both =
                new TrainingParameters.Raw(null, null, null, null, "3", "1e-6", "1.1", null, null, null);

        assertRefused(both, "noiseMultiplier", "absent when epsilon is given");
    }

    private void assertRefused(TrainingParameters.Raw raw, String parameter, String allowed) {
        assertThatThrownBy(() -> parse(raw)).isInstanceOfSatisfying(InvalidParameterException.class, e -> {
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.allowed()).contains(allowed);
        });
    }
}
