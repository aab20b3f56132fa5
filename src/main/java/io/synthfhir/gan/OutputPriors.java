package io.synthfhir.gan;

import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Starts the output biases at the training marginals (each unit's share of visits, the gap-bin and visit-type
 * frequencies, the mixtures' mode weights), so the first epochs learn structure instead of the base rates: a
 * network starting at logit 0 pays ~0.7 nats for every one of hundreds of absent units per visit. Under DP-SGD the
 * unit and visit marginals would be statistics of the records outside the guarantee, so only the mode weights (part
 * of the encoding already) are used and the rest starts flat at a small base rate.
 */
final class OutputPriors {
    static final double MIN_LOGIT = -12;
    static final double MAX_LOGIT = 6;
    /** log of alpha's spread inside a mode at the start: a quarter of the range [-1, 1]. */
    static final float START_LOG_SD = (float) Math.log(0.25);

    private OutputPriors() {}

    static void apply(
            ComputationGraph graph, Layout layout, Encoding encoding, List<Batch.Segment> segments, boolean fromData) {
        INDArray a = graph.getParam(GeneratorNetwork.HEAD_A + "_b");
        INDArray b = graph.getParam(GeneratorNetwork.HEAD_B + "_b");
        double[] unitCounts = new double[layout.units];
        double[] gapCounts = new double[layout.gapBins + 1];
        double[] typeCounts = new double[layout.types];
        double visits = 0;
        if (fromData) {
            for (Batch.Segment s : segments) {
                if (s.from() > 0) {
                    continue; // each patient once: its first segment's visits are enough for base rates
                }
                EncodedPatient p = s.patient();
                for (EncodedPatient.Visit v : p.visits()) {
                    visits++;
                    for (int u : v.step().units()) {
                        unitCounts[u]++;
                    }
                    gapCounts[v.step().gapBin()]++;
                    typeCounts[v.step().type()]++;
                }
                if (p.deceased()) {
                    gapCounts[layout.end]++;
                }
            }
        }
        double baseRate = 5.0 / layout.units;
        for (int u = 0; u < layout.units; u++) {
            double share = visits == 0 ? baseRate : (unitCounts[u] + 0.5) / (visits + 1);
            for (int m = 0; m < layout.mixtures; m++) {
                b.putScalar(layout.unitOutput(m, u), (float) clamp(Math.log(share / (1 - share))));
            }
        }
        // the components start alike in their biases and equally weighted; their random weights tell them apart
        for (int m = 0; layout.mixtures > 1 && m < layout.mixtures; m++) {
            b.putScalar(layout.mixtureLogits + m, 0f);
        }
        double gapTotal = sum(gapCounts);
        double typeTotal = sum(typeCounts);
        for (int g = 0; g <= layout.gapBins; g++) {
            a.putScalar(g, (float) (gapTotal == 0 ? 0 : Math.log((gapCounts[g] + 0.5) / gapTotal)));
        }
        for (int t = 0; t < layout.types; t++) {
            a.putScalar(
                    layout.headAType + t, (float) (typeTotal == 0 ? 0 : Math.log((typeCounts[t] + 0.5) / typeTotal)));
        }
        for (int c = 0; c < layout.channels; c++) {
            int off = layout.channelOffset(c);
            double[] w = encoding.channels().get(c).gmm().weights();
            for (int k = 0; k < w.length; k++) {
                b.putScalar(off + k, (float) Math.log(w[k]));
            }
            b.putScalar(off + w.length, 0f);
            b.putScalar(off + w.length + 1, START_LOG_SD);
        }
    }

    private static double clamp(double logit) {
        return Math.max(MIN_LOGIT, Math.min(MAX_LOGIT, logit));
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
