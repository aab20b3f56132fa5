package io.synthfhir.gan;

import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
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
    record Forward(MleLoss.Parts parts, float[][] epsA, float[][] epsB, float[][] outA, float[][] outB) {}

    static Forward forward(ComputationGraph graph, Layout layout, Batch batch, boolean withGradient) {
        Map<String, INDArray> acts =
                graph.feedForward(new INDArray[] {batch.history, batch.context}, withGradient, false);
        float[][] a = acts.get(GeneratorNetwork.HEAD_A).toFloatMatrix();
        float[][] b = acts.get(GeneratorNetwork.HEAD_B).toFloatMatrix();
        float[][] epsA = withGradient ? new float[a.length][layout.headASize] : null;
        float[][] epsB = withGradient ? new float[b.length][layout.headBSize] : null;
        MleLoss.Parts parts = MleLoss.compute(layout, batch, a, b, epsA, epsB);
        return new Forward(parts, epsA, epsB, a, b);
    }

    /** The gradient of the loss whose output gradients are given, for the batch last passed forwards. */
    static Gradient backward(ComputationGraph graph, float[][] epsA, float[][] epsB) {
        return graph.backpropGradient(Nd4j.create(epsA), Nd4j.create(epsB));
    }

    /** Applies a gradient held in the network's gradient view through its updater (Adam). */
    static void apply(ComputationGraph graph, Gradient gradient, int iteration, int epoch, int batchSize) {
        graph.getUpdater().update(gradient, iteration, epoch, batchSize, LayerWorkspaceMgr.noWorkspaces());
        graph.params().subi(gradient.gradient());
    }
}
