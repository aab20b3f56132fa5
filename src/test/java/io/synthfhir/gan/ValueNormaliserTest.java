package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ValueNormaliserTest {

    /** Two populations of glucose values: fasting (mean 90) and diabetic (mean 180), rounded to 0.1. */
    private static double[] bimodal() {
        SplittableRandom r = new SplittableRandom(3);
        double[] v = new double[2000];
        for (int i = 0; i < v.length; i++) {
            double mean = i % 3 == 0 ? 180 : 90;
            v[i] = Math.round((mean + 8 * Batch.gaussian(r)) * 10) / 10.0;
        }
        return v;
    }

    @Test
    void mixtureFindsBothModesOfABimodalLab() {
        Gmm gmm = Gmm.fit(bimodal(), 0.1);

        assertThat(gmm.modes()).isGreaterThanOrEqualTo(2);
        assertThat(gmm.mode(90)).isNotEqualTo(gmm.mode(180));
    }

    @Test
    void valueEncodedAsModeAndAlphaDecodesToItself() {
        double[] values = bimodal();
        ValueChannel c = ValueChannel.fit("Q|http://loinc.org|2339-0", 0, null, "mg/dL", values, 0, 2000);

        for (double v : new double[] {72.4, 90.0, 105.3, 160.8, 180.2, 199.9}) {
            int mode = c.gmm().mode(v);
            double alpha = c.gmm().alpha(v, mode);
            assertThat(alpha).isBetween(-1.0, 1.0);
            assertThat(c.finish(c.gmm().value(mode, alpha))).isCloseTo(v, within(1e-9));
        }
    }

    @Test
    void generatedValuesStayInsideObservedAndPhysiologicalLimitsAndKeepTheRecordedPrecision() {
        double[] values = {3.1, 4.0, 4.52, 5.0, 6.7};
        ValueChannel c = ValueChannel.fit("Q|http://loinc.org|6298-4", 0, null, "mmol/L", values, 3.5, 6.0);

        assertThat(c.decimals()).isEqualTo(2);
        assertThat(c.finish(1.0)).isEqualTo(3.5); // the physiological floor is above the observed minimum
        assertThat(c.finish(9.0)).isEqualTo(6.0);
        assertThat(c.finish(4.12345)).isEqualTo(4.12);
    }

    @Test
    void populationReferenceIntervalIsTheCentral95Percent() {
        double[] values = new double[1001];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }
        ValueChannel c =
                ValueChannel.fit("Q|x|y", 0, null, "1", values, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);

        assertThat(c.referenceLow()).isCloseTo(25, within(1e-9));
        assertThat(c.referenceHigh()).isCloseTo(975, within(1e-9));
    }
}
