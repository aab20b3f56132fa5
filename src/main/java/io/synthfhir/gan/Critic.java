package io.synthfhir.gan;

import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.LSTM;
import org.deeplearning4j.nn.conf.layers.RnnOutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The critic: an LSTM over a patient's visits that says, after each visit, how likely the sequence so far is real.
 * Each step reads one visit as the generator's history input describes it (units, values, type, gap, age, year, sex).
 */
final class Critic {
    private final MultiLayerNetwork network;
    private final Layout layout;

    Critic(Layout layout, int hidden, long seed, double learningRate) {
        this.layout = layout;
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(new Adam(learningRate))
                .weightInit(WeightInit.XAVIER)
                .list()
                .layer(new DenseLayer.Builder()
                        .nIn(layout.histSize)
                        .nOut(hidden)
                        .activation(Activation.IDENTITY)
                        .build())
                .layer(new LSTM.Builder()
                        .nIn(hidden)
                        .nOut(hidden)
                        .activation(Activation.TANH)
                        .build())
                .layer(new RnnOutputLayer.Builder(LossFunctions.LossFunction.XENT)
                        .nIn(hidden)
                        .nOut(1)
                        .activation(Activation.SIGMOID)
                        .build())
                .setInputType(InputType.recurrent(layout.histSize))
                .build();
        this.network = new MultiLayerNetwork(conf);
        network.init();
    }

    MultiLayerNetwork network() {
        return network;
    }

    /** The critic's view of some segments: features [n, history, T] and a mask of the visit steps it judges. */
    record Input(INDArray features, INDArray mask, int size, int length) {}

    Input input(List<Batch.Segment> segments) {
        int size = segments.size();
        int length = Math.max(
                1,
                segments.stream()
                        .mapToInt(s -> Math.min(s.to(), s.patient().visits().size()) - s.from())
                        .max()
                        .orElse(1));
        int hs = layout.histSize;
        float[] features = new float[size * hs * length];
        float[] mask = new float[size * length];
        for (int i = 0; i < size; i++) {
            Batch.Segment seg = segments.get(i);
            EncodedPatient p = seg.patient();
            int example = i;
            int last = Math.min(seg.to(), p.visits().size());
            for (int t = seg.from(); t < last; t++) {
                int step = t - seg.from();
                layout.writeHistory(
                        (d, v) -> features[(example * hs + d) * length + step] = v,
                        p.visits().get(t).step(),
                        p.birthYear(),
                        p.male(),
                        -1);
                if (t >= seg.lossFrom()) {
                    mask[example * length + step] = 1f;
                }
            }
        }
        return new Input(
                Nd4j.create(features, new long[] {size, hs, length}, DataType.FLOAT),
                Nd4j.create(mask, new long[] {size, length}, DataType.FLOAT),
                size,
                length);
    }

    /** One update on real (label 1) and generated (label 0) sequences. */
    void fit(Input real, Input fake) {
        fitOne(real, 1f);
        fitOne(fake, 0f);
    }

    private void fitOne(Input in, float label) {
        INDArray labels = Nd4j.valueArrayOf(new long[] {in.size(), 1, in.length()}, label, DataType.FLOAT);
        network.fit(in.features(), labels, in.mask(), in.mask());
    }

    /** P(real) after each step, [n][T]. */
    float[][] judge(Input in) {
        INDArray out = network.output(in.features(), false, in.mask(), in.mask());
        float[][] p = new float[in.size()][in.length()];
        for (int i = 0; i < in.size(); i++) {
            for (int t = 0; t < in.length(); t++) {
                p[i][t] = out.getFloat(i, 0, t);
            }
        }
        return p;
    }
}
