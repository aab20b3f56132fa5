package io.synthfhir.gan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where every feature sits in the network's inputs and outputs. The training batches and the plain-Java sampler both
 * write features through this one class, so the two can never disagree.
 *
 * <p>Step t of a patient's sequence reads visit t-1 (the "history" input) and predicts the gap to visit t and its
 * type (head A); given that context (the "context" input), head B predicts visit t's content: its units and, per value
 * channel, the mode, the position in it and the spread of that position.
 */
final class Layout {
    /** Upper edges of the age bands, in years. */
    static final double[] AGE_BAND_EDGES = {1, 2, 5, 10, 15, 18, 25, 35, 45, 55, 65, 75, 85};

    static final int AGE_BANDS = AGE_BAND_EDGES.length + 1;
    static final int HIST_SCALARS = 5;
    static final int CTX_SCALARS = 4;
    /** Per channel in head B: mode logits, then alpha mean, then log of alpha's spread. */
    static final int CHANNEL_EXTRAS = 2;

    final int units;
    /**
     * Components of head B's unit mixture: 1 is independent Bernoulli units; M > 1 is a mixture of M products of
     * Bernoullis, whose components learn which units come together in a visit (docs/gan.md).
     */
    final int mixtures;
    /** Head B's unit outputs: M blocks of unit logits, then (when M > 1) the M component logits. */
    final int unitBlock;
    /** Where the component logits start in head B (equal to {@link #unitBlock} when M is 1: there are none). */
    final int mixtureLogits;

    final int channels;
    final int types;
    final int gapBins;
    final int conditions;

    final int histChannels;
    final int histType;
    final int histGap;
    final int histAge;
    final int histScalars;
    final int histCondition;
    final int histProblems;
    final int histSize;

    final int ctxGap;
    final int ctxAge;
    final int ctxScalars;
    final int ctxSize;

    /** Head A: gap bins, then END (death), then visit types. */
    final int end;

    final int headAType;
    final int headASize;

    private final int[] channelOffset;
    private final int[] modes;
    final int headBSize;

    private final int[] conditionSlot;
    private final int[] conditionToken;
    private final int[][] channelsOfToken;
    private final Map<String, Integer> channelIndex = new HashMap<>();

    Layout(Encoding encoding) {
        this(encoding, 1);
    }

    Layout(Encoding encoding, int mixtures) {
        if (mixtures < 1) {
            throw new IllegalArgumentException("mixtures must be at least 1, was " + mixtures);
        }
        Vocabulary v = encoding.vocabulary();
        this.units = v.unitCount();
        this.mixtures = mixtures;
        this.mixtureLogits = units * mixtures;
        this.unitBlock = mixtureLogits + (mixtures > 1 ? mixtures : 0);
        this.channels = encoding.channels().size();
        this.types = encoding.visitTypes().count();
        this.gapBins = encoding.gaps().count();
        conditionSlot = new int[v.tokenCount()];
        Arrays.fill(conditionSlot, -1);
        List<Integer> conds = new ArrayList<>();
        for (int i = 0; i < v.tokenCount(); i++) {
            if (v.token(i).kind() == TokenKind.CONDITION) {
                conditionSlot[i] = conds.size();
                conds.add(i);
            }
        }
        conditionToken = conds.stream().mapToInt(Integer::intValue).toArray();
        this.conditions = conditionToken.length;

        histChannels = units;
        histType = histChannels + channels;
        histGap = histType + types;
        histAge = histGap + gapBins;
        histScalars = histAge + AGE_BANDS;
        histCondition = histScalars + HIST_SCALARS;
        histProblems = histCondition + conditions;
        histSize = histProblems + conditions;

        ctxGap = types;
        ctxAge = ctxGap + gapBins;
        ctxScalars = ctxAge + AGE_BANDS;
        ctxSize = ctxScalars + CTX_SCALARS;

        end = gapBins;
        headAType = gapBins + 1;
        headASize = headAType + types;

        channelOffset = new int[channels];
        modes = new int[channels];
        int offset = unitBlock;
        List<List<Integer>> byToken = new ArrayList<>();
        for (int i = 0; i < v.tokenCount(); i++) {
            byToken.add(new ArrayList<>());
        }
        for (int c = 0; c < channels; c++) {
            ValueChannel ch = encoding.channels().get(c);
            channelOffset[c] = offset;
            modes[c] = ch.gmm().modes();
            offset += modes[c] + CHANNEL_EXTRAS;
            byToken.get(ch.token()).add(c);
            channelIndex.put(ch.key(), c);
        }
        headBSize = offset;
        channelsOfToken = byToken.stream()
                .map(l -> l.stream().mapToInt(Integer::intValue).toArray())
                .toArray(int[][]::new);
    }

    static int ageBand(double age) {
        int i = Arrays.binarySearch(AGE_BAND_EDGES, age);
        return i >= 0 ? i + 1 : -i - 1;
    }

    int channelOffset(int channel) {
        return channelOffset[channel];
    }

    /** Index in head B of component m's logit for unit u. */
    int unitOutput(int m, int u) {
        return m * units + u;
    }

    int modes(int channel) {
        return modes[channel];
    }

    int[] channelsOfToken(int token) {
        return channelsOfToken[token];
    }

    /** The channel's index for its key, or -1. */
    int channel(String key) {
        Integer c = channelIndex.get(key);
        return c == null ? -1 : c;
    }

    int conditionSlot(int token) {
        return token < 0 ? -1 : conditionSlot[token];
    }

    int conditionToken(int slot) {
        return conditionToken[slot];
    }

    /** Receives the non-zero features of one step. */
    interface Sink {
        void set(int index, float value);
    }

    /**
     * The history input of a step: the previous visit (absent at the first step, which reads the birth instead), the
     * patient's sex and cohort condition.
     */
    void writeHistory(Sink sink, Step previous, double birthYear, boolean male, int conditionSlot) {
        double age = 0;
        double year = birthYear;
        if (previous == null) {
            sink.set(histScalars + 3, 1f);
        } else {
            for (int u : previous.units()) {
                sink.set(u, 1f);
            }
            for (int i = 0; i < previous.channels().length; i++) {
                sink.set(histChannels + previous.channels()[i], previous.inputs()[i]);
            }
            sink.set(histType + previous.type(), 1f);
            sink.set(histGap + previous.gapBin(), 1f);
            age = previous.age();
            year = previous.year();
            for (int slot : previous.conditionsSoFar()) {
                sink.set(histProblems + slot, 1f);
            }
            sink.set(histScalars + 4, (float) (Math.log1p(previous.index() + 1) / 7));
        }
        sink.set(histAge + ageBand(age), 1f);
        sink.set(histScalars, (float) (age / 100));
        sink.set(histScalars + 1, (float) ((year - 2000) / 25));
        if (male) {
            sink.set(histScalars + 2, 1f);
        }
        if (conditionSlot >= 0) {
            sink.set(histCondition + conditionSlot, 1f);
        }
    }

    /** The context input of a visit: its type, the gap that led to it, the patient's age and the calendar year. */
    void writeContext(Sink sink, int type, int gapBin, double age, double year, int index, boolean male) {
        sink.set(type, 1f);
        sink.set(ctxGap + gapBin, 1f);
        sink.set(ctxAge + ageBand(age), 1f);
        sink.set(ctxScalars, (float) (age / 100));
        sink.set(ctxScalars + 1, (float) ((year - 2000) / 25));
        sink.set(ctxScalars + 2, (float) (Math.log1p(index) / 7));
        if (male) {
            sink.set(ctxScalars + 3, 1f);
        }
    }

    /**
     * What a step needs to know about a visit: its type, gap bin, age and calendar year at its start, its index in
     * the sequence, its units, for each present channel the network input of its value, and the condition slots of
     * every condition diagnosed up to and including it (the patient's problem list: long-term state the LSTM need not
     * carry by itself).
     */
    record Step(
            int type,
            int gapBin,
            double age,
            double year,
            int index,
            int[] units,
            int[] channels,
            float[] inputs,
            int[] conditionsSoFar) {}
}
