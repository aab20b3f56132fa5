package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class GapBinsTest {

    private static List<Duration> gaps() {
        List<Duration> gaps = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(5);
        for (int i = 0; i < 3000; i++) {
            gaps.add(Duration.ofMinutes((long) Math.exp(r.nextDouble() * 14)));
        }
        for (int i = 0; i < 1000; i++) {
            gaps.add(Duration.ofDays(7)); // a spike: weekly visits
        }
        return gaps;
    }

    @Test
    void binsHoldAboutEqualShares() {
        List<Duration> gaps = gaps();
        GapBins bins = GapBins.fit(gaps, 10);
        int[] counts = new int[bins.count()];
        gaps.forEach(g -> counts[bins.bin(g)]++);

        for (int c : counts) {
            assertThat(c).isBetween(100, 1400); // the weekly spike may fill more than one tenth
        }
    }

    @Test
    void aDrawFromABinFallsInsideIt() {
        GapBins bins = GapBins.fit(gaps(), 10);
        SplittableRandom r = new SplittableRandom(1);

        for (int b = 0; b < bins.count(); b++) {
            for (int i = 0; i < 50; i++) {
                Duration d = bins.sample(b, r);
                assertThat(bins.bin(d)).as("draw %s from bin %d", d, b).isBetween(b - 1, b);
            }
        }
    }

    @Test
    void censoringStartsAtTheBinOfTheRemainingTime() {
        GapBins bins = GapBins.fit(gaps(), 10);

        assertThat(bins.firstBinBeyond(Duration.ofDays(7))).isEqualTo(bins.bin(Duration.ofDays(7)));
        assertThat(bins.firstBinBeyond(Duration.ofDays(100000))).isEqualTo(bins.count() - 1);
    }
}
