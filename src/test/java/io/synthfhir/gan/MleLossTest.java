package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MleLossTest {

    @ParameterizedTest(name = "{0} mixture component(s)")
    @ValueSource(ints = {1, 4})
    void headBGradientMatchesFiniteDifferencesOfTheLoss(int mixtures) {
        // Setup: two encoded patients and random head outputs
        Encoding encoding = GanFixtures.encoding(GanFixtures.cohort(), 3);
        Layout layout = new Layout(encoding, mixtures);
        List<EncodedPatient> two = GanFixtures.cohort().stream()
                .map(new PatientEncoder(encoding, layout)::encode)
                .filter(p -> p.visits().size() >= 3)
                .limit(2)
                .toList();
        Batch batch = Batch.of(
                two.stream().map(p -> new Batch.Segment(p, 0, p.steps(), 0)).toList(), new int[] {-1, -1}, layout);
        SplittableRandom random = new SplittableRandom(5);
        float[] a = new float[batch.rows() * layout.headASize];
        float[] b = new float[batch.rows() * layout.headBSize];
        for (int i = 0; i < a.length; i++) {
            a[i] = (float) (random.nextDouble() * 4 - 2);
        }
        for (int i = 0; i < b.length; i++) {
            b[i] = (float) (random.nextDouble() * 4 - 2);
        }
        float[] epsA = new float[a.length];
        float[] epsB = new float[b.length];

        // Test: the analytic gradient of the mean loss per step
        MleLoss.Parts parts = MleLoss.compute(layout, batch, a, b, epsA, epsB);

        // Verify: central differences agree at unit logits of every component and at the component logits
        int row = firstVisitRow(batch);
        int[] checked = mixtures == 1
                ? new int[] {0, 1, 2, layout.units - 1}
                : new int[] {
                    0,
                    layout.unitOutput(1, 2),
                    layout.unitOutput(mixtures - 1, 0),
                    layout.mixtureLogits,
                    layout.mixtureLogits + mixtures - 1
                };
        double h = 1e-2;
        for (int j : checked) {
            int i = row * layout.headBSize + j;
            float saved = b[i];
            b[i] = (float) (saved + h);
            double up = MleLoss.compute(layout, batch, a, b, null, null).perStep();
            b[i] = (float) (saved - h);
            double down = MleLoss.compute(layout, batch, a, b, null, null).perStep();
            b[i] = saved;
            assertThat((double) epsB[i])
                    .as("gradient at head B output %d", j)
                    .isCloseTo((up - down) / (2 * h), within(2e-4));
        }
        assertThat(parts.units()).isPositive();
    }

    private static int firstVisitRow(Batch batch) {
        for (int r = 0; r < batch.rows(); r++) {
            if (batch.kind[r] == Batch.VISIT) {
                return r;
            }
        }
        throw new AssertionError("no visit in the batch");
    }
}
