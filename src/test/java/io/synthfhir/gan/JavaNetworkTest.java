package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.linalg.api.ndarray.INDArray;

class JavaNetworkTest {

    @ParameterizedTest(name = "{0} mixture component(s)")
    @ValueSource(ints = {1, 3})
    void plainJavaForwardPassMatchesDl4jStepByStep(int mixtures) {
        // Setup: a randomly initialised generator and one patient's sequence
        Encoding encoding = GanFixtures.encoding(GanFixtures.cohort(), 3);
        Layout layout = new Layout(encoding, mixtures);
        ComputationGraph graph = GeneratorNetwork.build(layout, new TrainingConfig.Shape(12, 10, 9, 0), 3, 1e-3);
        List<EncodedPatient> two = GanFixtures.cohort().stream()
                .map(new PatientEncoder(encoding, layout)::encode)
                .filter(p -> p.visits().size() >= 5)
                .limit(2)
                .toList();
        // the second example is the one checked, so the rows' (example + size * step) order is checked too
        EncodedPatient patient = two.get(1);
        Batch batch = Batch.of(
                List.of(
                        new Batch.Segment(two.get(0), 0, two.get(0).steps(), 0),
                        new Batch.Segment(patient, 0, patient.steps(), 0)),
                new int[] {-1, patient.conditionSlots().length > 0 ? patient.conditionSlots()[0] : -1},
                layout);

        // Test: DL4J over the whole sequence, Java one step at a time on the same inputs
        INDArray[] dl4j = graph.output(false, batch.history, batch.context);
        float[] a = MleStep.rowMajor(dl4j[0]);
        float[] b = MleStep.rowMajor(dl4j[1]);
        JavaNetwork net = new JavaNetwork(graph, layout.unitBlock);
        JavaNetwork.State state = net.newState();
        float[] headA = new float[layout.headASize];
        float[] mix = new float[net.mixSize];
        float[] units = new float[layout.unitBlock];
        for (int t = 0; t < patient.visits().size(); t++) {
            int row = batch.row(1, t);
            VisitSampler.Sparse hist = sparseColumn(batch.history, layout.histSize, t);
            net.step(state, hist.index, hist.value, hist.count);
            net.headA(state, headA);
            VisitSampler.Sparse ctx = sparseColumn(batch.context, layout.ctxSize, t);
            net.mix(state, ctx.index, ctx.value, ctx.count, mix);
            net.unitLogits(mix, units);

            // Verify: every output agrees
            for (int j = 0; j < layout.headASize; j++) {
                assertThat(headA[j])
                        .as("head A output %d at step %d", j, t)
                        .isCloseTo(a[row * layout.headASize + j], within(1e-4f));
            }
            for (int j = 0; j < layout.unitBlock; j++) {
                assertThat(units[j])
                        .as("unit logit %d at step %d", j, t)
                        .isCloseTo(b[row * layout.headBSize + j], within(1e-4f));
            }
            for (int j = layout.unitBlock; j < layout.headBSize; j++) {
                assertThat(net.output(mix, j))
                        .as("value output %d at step %d", j, t)
                        .isCloseTo(b[row * layout.headBSize + j], within(1e-4f));
            }
        }
    }

    private static VisitSampler.Sparse sparseColumn(INDArray input, int size, int t) {
        VisitSampler.Sparse s = new VisitSampler.Sparse(size);
        for (int d = 0; d < size; d++) {
            float v = input.getFloat(1, d, t);
            s.set(d, v);
        }
        return s;
    }
}
