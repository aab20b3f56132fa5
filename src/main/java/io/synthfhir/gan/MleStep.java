package io.synthfhir.gan;

import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Forward and backward passes of the generator on one batch under the likelihood. The external-errors route of
 * DL4J: a training forward pass that keeps layer inputs, the loss gradient computed outside (see {@link MleLoss}),
 * {@code backpropGradient}, then the updater.
 */
final class MleStep {
    private MleStep() {}

    /** The loss and its gradient on the network's raw outputs; the network keeps its inputs for a backward pass. */
    record Forward(MleLoss.Parts parts, float[] epsA, float[] epsB, float[] outA, float[] outB, int rows) {}

    static Forward forward(ComputationGraph graph, Layout layout, Batch batch, boolean withGradient) {
        Map<String, INDArray> acts =
                graph.feedForward(new INDArray[] {batch.history, batch.context}, withGradient, false);
        float[] a = rowMajor(acts.get(GeneratorNetwork.HEAD_A));
        float[] b = rowMajor(acts.get(GeneratorNetwork.HEAD_B));
        float[] epsA = withGradient ? new float[a.length] : null;
        float[] epsB = withGradient ? new float[b.length] : null;
        MleLoss.Parts parts = MleLoss.compute(layout, batch, a, b, epsA, epsB);
        return new Forward(parts, epsA, epsB, a, b, batch.rows());
    }

    /** A 2-D array's values row after row, in one copy. */
    static float[] rowMajor(INDArray a) {
        return a.dup('c').data().asFloat();
    }

    /** The gradient of the loss whose output gradients are given, for the batch last passed forwards. */
    static Gradient backward(ComputationGraph graph, Layout layout, int rows, float[] epsA, float[] epsB) {
        return graph.backpropGradient(
                Nd4j.create(epsA, new long[] {rows, layout.headASize}, DataType.FLOAT),
                Nd4j.create(epsB, new long[] {rows, layout.headBSize}, DataType.FLOAT));
    }

    /** Applies a gradient held in the network's gradient view through its updater (Adam). */
    static void apply(ComputationGraph graph, Gradient gradient, int iteration, int epoch, int batchSize) {
        graph.getUpdater().update(gradient, iteration, epoch, batchSize, LayerWorkspaceMgr.noWorkspaces());
        graph.params().subi(gradient.gradient());
    }
}
