package io.synthfhir.gan;

import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The trained generator's forward pass in plain Java, from the DL4J weights. Sampling runs one patient at a time on
 * any thread with no native calls, so a patient depends on nothing but its own random stream: no batch, no thread
 * count, no BLAS reduction order. The history input is sparse (a visit holds a few units), so the embedding and the
 * LSTM's input weights are fused into one matrix whose rows are added for the features present. Weights are stored as
 * row arrays and applied as row updates ({@code out += x_i * W[i]}), a loop HotSpot vectorises.
 */
final class JavaNetwork {
    final int hidden;
    final int mixSize;
    final int headASize;
    final int headBSize;
    /** Head B's unit outputs (all mixture components' unit logits and the component logits). */
    final int unitOutputs;

    private final float[][] inputW; // [history feature][4 * hidden]
    private final float[] inputB;
    private final float[][] recurrentW; // [hidden][4 * hidden]
    private final float[][] headAW; // [hidden][headA]
    private final float[] headAB;
    private final float[][] mixW; // [hidden + context][mix]
    private final float[] mixB;
    private final float[][] headBUnitsW; // [mix][units]
    private final float[][] headBRestT; // [headB - units][mix]: the value outputs, column-wise
    private final float[] headBB;

    /** The LSTM's memory for one patient: output h and cell c. */
    static final class State {
        final float[] h;
        final float[] c;
        final float[] gates;

        State(int hidden) {
            h = new float[hidden];
            c = new float[hidden];
            gates = new float[4 * hidden];
        }
    }

    JavaNetwork(ComputationGraph graph, int unitOutputs) {
        Map<String, INDArray> p = graph.paramTable();
        float[][] embW = p.get(GeneratorNetwork.EMBEDDING + "_W").toFloatMatrix();
        float[] embB = p.get(GeneratorNetwork.EMBEDDING + "_b").toFloatVector();
        float[][] lstmW = p.get(GeneratorNetwork.LSTM_LAYER + "_W").toFloatMatrix();
        float[] lstmB = p.get(GeneratorNetwork.LSTM_LAYER + "_b").toFloatVector();
        this.recurrentW = p.get(GeneratorNetwork.LSTM_LAYER + "_RW").toFloatMatrix();
        this.hidden = recurrentW.length;
        int gates = 4 * hidden;
        int embedding = lstmW.length;
        this.inputW = new float[embW.length][gates];
        for (int i = 0; i < embW.length; i++) {
            for (int e = 0; e < embedding; e++) {
                axpy(embW[i][e], lstmW[e], inputW[i], gates);
            }
        }
        this.inputB = lstmB.clone();
        for (int e = 0; e < embedding; e++) {
            axpy(embB[e], lstmW[e], inputB, gates);
        }
        this.headAW = p.get(GeneratorNetwork.HEAD_A + "_W").toFloatMatrix();
        this.headAB = p.get(GeneratorNetwork.HEAD_A + "_b").toFloatVector();
        this.headASize = headAB.length;
        this.mixW = p.get(GeneratorNetwork.MIX + "_W").toFloatMatrix();
        this.mixB = p.get(GeneratorNetwork.MIX + "_b").toFloatVector();
        this.mixSize = mixB.length;
        float[][] headBW = p.get(GeneratorNetwork.HEAD_B + "_W").toFloatMatrix();
        this.headBB = p.get(GeneratorNetwork.HEAD_B + "_b").toFloatVector();
        this.headBSize = headBB.length;
        this.unitOutputs = unitOutputs;
        this.headBUnitsW = new float[mixSize][unitOutputs];
        this.headBRestT = new float[headBSize - unitOutputs][mixSize];
        for (int f = 0; f < mixSize; f++) {
            System.arraycopy(headBW[f], 0, headBUnitsW[f], 0, unitOutputs);
            for (int j = unitOutputs; j < headBSize; j++) {
                headBRestT[j - unitOutputs][f] = headBW[f][j];
            }
        }
    }

    State newState() {
        return new State(hidden);
    }

    /** One LSTM step on a sparse history input (DL4J's gate order: block input, forget, output, input gate). */
    void step(State s, int[] index, float[] value, int count) {
        float[] g = s.gates;
        System.arraycopy(inputB, 0, g, 0, g.length);
        for (int i = 0; i < count; i++) {
            axpy(value[i], inputW[index[i]], g, g.length);
        }
        for (int j = 0; j < hidden; j++) {
            if (s.h[j] != 0f) {
                axpy(s.h[j], recurrentW[j], g, g.length);
            }
        }
        int n = hidden;
        for (int j = 0; j < n; j++) {
            float blockInput = (float) Math.tanh(g[j]);
            float forget = sigmoid(g[n + j]);
            float output = sigmoid(g[2 * n + j]);
            float input = sigmoid(g[3 * n + j]);
            s.c[j] = forget * s.c[j] + input * blockInput;
            s.h[j] = output * (float) Math.tanh(s.c[j]);
        }
    }

    /** Head A's raw outputs (gap bins and END, then visit types). */
    void headA(State s, float[] out) {
        System.arraycopy(headAB, 0, out, 0, headASize);
        for (int j = 0; j < hidden; j++) {
            axpy(s.h[j], headAW[j], out, headASize);
        }
    }

    /** Head B's hidden layer from the LSTM output and a sparse context input. */
    void mix(State s, int[] index, float[] value, int count, float[] out) {
        System.arraycopy(mixB, 0, out, 0, mixSize);
        for (int j = 0; j < hidden; j++) {
            axpy(s.h[j], mixW[j], out, mixSize);
        }
        for (int i = 0; i < count; i++) {
            axpy(value[i], mixW[hidden + index[i]], out, mixSize);
        }
        for (int f = 0; f < mixSize; f++) {
            out[f] = (float) Math.tanh(out[f]);
        }
    }

    /** Head B's unit outputs: every component's unit logits, then the component logits ({@link Layout#unitBlock}). */
    void unitLogits(float[] mix, float[] out) {
        System.arraycopy(headBB, 0, out, 0, unitOutputs);
        for (int f = 0; f < mixSize; f++) {
            axpy(mix[f], headBUnitsW[f], out, unitOutputs);
        }
    }

    /** One of head B's value outputs (index into head B, at or after the unit outputs). */
    float output(float[] mix, int index) {
        float[] w = headBRestT[index - unitOutputs];
        float sum = headBB[index];
        for (int f = 0; f < mixSize; f++) {
            sum += mix[f] * w[f];
        }
        return sum;
    }

    static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    static void axpy(float a, float[] x, float[] y, int n) {
        for (int j = 0; j < n; j++) {
            y[j] += a * x[j];
        }
    }
}
