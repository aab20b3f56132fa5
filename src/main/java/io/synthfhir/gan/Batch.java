package io.synthfhir.gan;

import java.util.List;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A minibatch of patients padded to the longest: the two network inputs, and per output row the targets. DL4J's dense
 * layers see a sequence batch as rows {@code example + size * step} (RnnToFeedForwardPreProcessor's 'f'-order
 * reshape); every per-row array here uses that order. Padded rows have no target, so they add nothing to the
 * gradient (the LSTM runs forwards only: padding after a sequence cannot change its outputs).
 */
final class Batch {
    static final byte NONE = 0;
    static final byte VISIT = 1;
    static final byte END = 2;
    static final byte CENSORED = 3;

    final int size;
    final int length;
    final INDArray history;
    final INDArray context;
    final byte[] kind;
    final int[] gap;
    final int[] type;
    final EncodedPatient.Visit[] content;
    final int visits;
    final List<Segment> segments;

    private Batch(
            int size,
            int length,
            INDArray history,
            INDArray context,
            byte[] kind,
            int[] gap,
            int[] type,
            EncodedPatient.Visit[] content,
            int visits,
            List<Segment> segments) {
        this.size = size;
        this.length = length;
        this.history = history;
        this.context = context;
        this.kind = kind;
        this.gap = gap;
        this.type = type;
        this.content = content;
        this.visits = visits;
        this.segments = segments;
    }

    int rows() {
        return size * length;
    }

    int row(int example, int step) {
        return example + size * step;
    }

    /**
     * A stretch of one patient's steps: {@code [from, to)} are fed to the network, the loss counts from {@code
     * lossFrom} on. A long sequence is cut into windows that start {@code burnIn} steps before the steps they train,
     * so the LSTM state has warmed up on real history by then (the sampler always runs the whole sequence).
     */
    record Segment(EncodedPatient patient, int from, int to, int lossFrom) {
        int length() {
            return to - from;
        }

        /** The whole sequence, or windows of at most {@code window} trained steps after a burn-in. */
        static List<Segment> of(EncodedPatient p, int window, int burnIn) {
            int n = p.steps();
            if (n <= window + burnIn) {
                return List.of(new Segment(p, 0, n, 0));
            }
            List<Segment> out = new java.util.ArrayList<>();
            out.add(new Segment(p, 0, window + burnIn, 0));
            int trained = window + burnIn;
            while (trained < n) {
                int to = Math.min(n, trained + window);
                out.add(new Segment(p, trained - burnIn, to, trained));
                trained = to;
            }
            return out;
        }
    }

    /**
     * @param conditionSlots the cohort-condition slot each segment's patient trains with this time (-1: none)
     */
    static Batch of(List<Segment> segments, int[] conditionSlots, Layout layout) {
        int size = segments.size();
        int length = segments.stream().mapToInt(Segment::length).max().orElse(1);
        int hs = layout.histSize;
        int cs = layout.ctxSize;
        float[] history = new float[size * hs * length];
        float[] context = new float[size * cs * length];
        int rows = size * length;
        byte[] kind = new byte[rows];
        int[] gap = new int[rows];
        int[] type = new int[rows];
        EncodedPatient.Visit[] content = new EncodedPatient.Visit[rows];
        int visits = 0;
        for (int i = 0; i < size; i++) {
            Segment seg = segments.get(i);
            EncodedPatient p = seg.patient();
            int example = i;
            for (int t = seg.from(); t < seg.to(); t++) {
                int step = t - seg.from();
                Layout.Step previous = t == 0 ? null : p.visits().get(t - 1).step();
                layout.writeHistory(
                        (d, v) -> history[(example * hs + d) * length + step] = v,
                        previous,
                        p.birthYear(),
                        p.male(),
                        conditionSlots[i]);
                int r = example + size * step;
                boolean trained = t >= seg.lossFrom();
                if (t < p.visits().size()) {
                    EncodedPatient.Visit visit = p.visits().get(t);
                    Layout.Step s = visit.step();
                    layout.writeContext(
                            (d, v) -> context[(example * cs + d) * length + step] = v,
                            s.type(),
                            s.gapBin(),
                            s.age(),
                            s.year(),
                            s.index(),
                            p.male());
                    if (trained) {
                        kind[r] = VISIT;
                        gap[r] = s.gapBin();
                        type[r] = s.type();
                        content[r] = visit;
                        visits++;
                    }
                } else if (!trained) {
                    kind[r] = NONE;
                } else if (p.deceased()) {
                    kind[r] = END;
                } else {
                    kind[r] = CENSORED;
                    gap[r] = p.censorBin();
                }
            }
        }
        return new Batch(
                size,
                length,
                Nd4j.create(history, new long[] {size, hs, length}, DataType.FLOAT),
                Nd4j.create(context, new long[] {size, cs, length}, DataType.FLOAT),
                kind,
                gap,
                type,
                content,
                visits,
                List.copyOf(segments));
    }

    static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }
}
