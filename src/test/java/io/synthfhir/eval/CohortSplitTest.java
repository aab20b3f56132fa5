package io.synthfhir.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CohortSplitTest {

    @Test
    void holdsOutAboutTheRequestedShareAndAlwaysTheSamePatients() {
        CohortSplit split = new CohortSplit(42, 0.2);
        long heldOut = IntStream.range(0, 10_000)
                .filter(i -> split.isHeldOut("Patient/" + i))
                .count();
        assertThat(heldOut).isBetween(1_850L, 2_150L);
        assertThat(new CohortSplit(42, 0.2).isHeldOut("Patient/17")).isEqualTo(split.isHeldOut("Patient/17"));
    }

    @Test
    void anotherSaltGivesAnotherSplit() {
        CohortSplit a = new CohortSplit(1, 0.5);
        CohortSplit b = new CohortSplit(2, 0.5);
        long differ = IntStream.range(0, 1_000)
                .filter(i -> a.isHeldOut("p" + i) != b.isHeldOut("p" + i))
                .count();
        assertThat(differ).isBetween(400L, 600L);
    }

    @Test
    void zeroShareHoldsOutNobodyAndAShareOfOneIsRefused() {
        assertThat(new CohortSplit(3, 0).isHeldOut("anyone")).isFalse();
        assertThatThrownBy(() -> new CohortSplit(3, 1.0)).hasMessageContaining("[0, 1)");
    }
}
