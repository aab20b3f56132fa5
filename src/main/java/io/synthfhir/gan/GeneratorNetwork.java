package io.synthfhir.gan;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The generator: a linear embedding of the previous visit, an LSTM over visits, head A (next gap and visit type) from
 * the LSTM state, and head B (the visit's content) from the state merged with the visit's context. Both heads end in
 * dense layers with identity activation: the losses (softmax, Bernoulli, Gaussian) and their gradients are computed
 * outside the network and fed back with {@code backpropGradient}, which is also how the adversarial and the DP-SGD
 * gradients get in.
 */
final class GeneratorNetwork {
    static final String HISTORY = "history";
    static final String CONTEXT = "context";
    static final String EMBEDDING = "embedding";
    static final String LSTM_LAYER = "lstm";
    static final String HEAD_A = "headA";
    static final String MIX = "mix";
    static final String HEAD_B = "headB";

    private GeneratorNetwork() {}

    static ComputationGraph build(Layout layout, TrainingConfig.Shape shape, long seed, double learningRate) {
        ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .l2(shape.l2())
                .gradientNormalization(GradientNormalization.ClipL2PerLayer)
                .gradientNormalizationThreshold(5.0)
                .graphBuilder()
                .addInputs(HISTORY, CONTEXT)
                .setInputTypes(InputType.recurrent(layout.histSize), InputType.recurrent(layout.ctxSize))
                .addLayer(
                        EMBEDDING,
                        new DenseLayer.Builder()
                                .nIn(layout.histSize)
                                .nOut(shape.embedding())
                                .activation(Activation.IDENTITY)
                                .build(),
                        HISTORY)
                .addLayer(
                        LSTM_LAYER,
                        new LSTM.Builder()
                                .nIn(shape.embedding())
                                .nOut(shape.hidden())
                                .activation(Activation.TANH)
                                .gateActivationFunction(Activation.SIGMOID)
                                .build(),
                        EMBEDDING)
                .addLayer(
                        HEAD_A,
                        new DenseLayer.Builder()
                                .nIn(shape.hidden())
                                .nOut(layout.headASize)
                                .activation(Activation.IDENTITY)
                                .build(),
                        LSTM_LAYER)
                .addVertex("merge", new MergeVertex(), LSTM_LAYER, CONTEXT)
                .addLayer(
                        MIX,
                        new DenseLayer.Builder()
                                .nIn(shape.hidden() + layout.ctxSize)
                                .nOut(shape.mix())
                                .activation(Activation.TANH)
                                .build(),
                        "merge")
                .addLayer(
                        HEAD_B,
                        new DenseLayer.Builder()
                                .nIn(shape.mix())
                                .nOut(layout.headBSize)
                                .activation(Activation.IDENTITY)
                                .build(),
                        MIX)
                .setOutputs(HEAD_A, HEAD_B)
                .build();
        ComputationGraph graph = new ComputationGraph(conf);
        graph.init();
        return graph;
    }
}
