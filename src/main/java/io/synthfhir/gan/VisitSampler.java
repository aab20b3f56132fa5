package io.synthfhir.gan;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Runs the generator forwards for one patient: at each step the LSTM reads the previous visit, head A draws the gap
 * and the visit type (or END), head B draws the visit's units and values. Stateless apart from the weights; every
 * draw comes from the patient's own random stream, in a fixed order.
 */
final class VisitSampler {
    /** A runaway sequence stops here (the longest training record had a few hundred visits). */
    static final int MAX_VISITS = 3000;
    /** Units whose logit is below this (probability under 1e-7) are not drawn. */
    static final float NEGLIGIBLE_LOGIT = -16f;

    private final Encoding encoding;
    private final Layout layout;
    private final JavaNetwork net;

    VisitSampler(Encoding encoding, Layout layout, JavaNetwork net) {
        this.encoding = encoding;
        this.layout = layout;
        this.net = net;
    }

    /** The generated history: visits in time order and, when the sequence ended in END, the death. */
    record Sampled(List<SampledVisit> visits, boolean died) {}

    /**
     * A visit the caller fixes (the hybrid's scaffold): its type and start. When given, the sampler follows these
     * visits instead of drawing gaps and types, and draws only their content.
     */
    record FixedVisit(int type, Instant start) {}

    /**
     * @param conditionSlot cohort condition (-1: none); the condition's token is then made sure to appear
     * @param until no visit starts at or after this instant
     * @param fixed the visits to fill, or null to draw the timeline too
     * @param forced tokens to add to fixed visits (by position), which the network then reads as history; may be
     *     null
     */
    Sampled sample(
            Instant birth,
            boolean male,
            int conditionSlot,
            Instant until,
            List<FixedVisit> fixed,
            List<int[]> forced,
            SplittableRandom random) {
        JavaNetwork.State state = net.newState();
        Sparse hist = new Sparse(layout.histSize);
        Sparse ctx = new Sparse(layout.ctxSize);
        float[] headA = new float[net.headASize];
        float[] mix = new float[net.mixSize];
        float[] logits = new float[net.unitOutputs];
        double birthYear = PatientEncoder.year(birth);
        int conditionToken = conditionSlot < 0 ? -1 : layout.conditionToken(conditionSlot);
        boolean conditionSeen = conditionToken < 0;
        int bestVisit = -1;
        float bestLogit = Float.NEGATIVE_INFINITY;
        List<SampledVisit> visits = new ArrayList<>();
        SortedInts problems = new SortedInts();
        Layout.Step previous = null;
        Instant previousTime = birth;
        boolean died = false;
        int limit = fixed == null ? MAX_VISITS : fixed.size();
        for (int t = 0; t < limit; t++) {
            hist.clear();
            layout.writeHistory(hist, previous, birthYear, male, conditionSlot);
            net.step(state, hist.index, hist.value, hist.count);
            int type;
            int gapBin;
            Instant start;
            if (fixed == null) {
                net.headA(state, headA);
                int g = draw(headA, 0, layout.gapBins + 1, random);
                if (g == layout.end) {
                    died = true;
                    break;
                }
                Duration gap = encoding.gaps().sample(g, random);
                start = previousTime.plus(gap);
                if (!start.isBefore(until)) {
                    break;
                }
                gapBin = g;
                type = draw(headA, layout.headAType, layout.types, random);
            } else {
                FixedVisit f = fixed.get(t);
                start = f.start().isBefore(previousTime) ? previousTime : f.start();
                type = f.type();
                gapBin = encoding.gaps().bin(Duration.between(previousTime, start));
            }
            double age = PatientEncoder.ageYears(birth, start);
            double year = PatientEncoder.year(start);
            ctx.clear();
            layout.writeContext(ctx, type, gapBin, age, year, t, male);
            net.mix(state, ctx.index, ctx.value, ctx.count, mix);
            net.unitLogits(mix, logits);
            int[] forcedHere = forced == null ? null : forced.get(t);
            int component = drawComponent(logits, forcedHere, random);
            int[] units = drawUnits(logits, layout.unitOutput(component, 0), random, forcedHere);
            int[] tokens = tokensOf(units);
            if (!conditionSeen) {
                if (contains(tokens, conditionToken)) {
                    conditionSeen = true;
                } else if (logits[layout.unitOutput(component, conditionToken)] > bestLogit) {
                    bestLogit = logits[layout.unitOutput(component, conditionToken)];
                    bestVisit = t;
                }
            }
            int[] channels = channelsOf(tokens);
            double[] values = new double[channels.length];
            float[] inputs = new float[channels.length];
            int[] modes = new int[channels.length];
            float[] alphas = new float[channels.length];
            for (int i = 0; i < channels.length; i++) {
                ValueChannel c = encoding.channels().get(channels[i]);
                int off = layout.channelOffset(channels[i]);
                int m = layout.modes(channels[i]);
                float[] modeLogits = new float[m];
                for (int k = 0; k < m; k++) {
                    modeLogits[k] = net.output(mix, off + k);
                }
                modes[i] = draw(modeLogits, 0, m, random);
                double mean = net.output(mix, off + m);
                double logSd = Math.max(MleLoss.MIN_LOG_SD, Math.min(MleLoss.MAX_LOG_SD, net.output(mix, off + m + 1)));
                alphas[i] = (float) Math.max(-1, Math.min(1, mean + Math.exp(logSd) * Batch.gaussian(random)));
                values[i] = c.finish(c.gmm().value(modes[i], alphas[i]));
                inputs[i] = c.input(values[i]);
            }
            visits.add(new SampledVisit(type, gapBin, start, units, tokens, channels, values, inputs, modes, alphas));
            for (int token : tokens) {
                int slot = layout.conditionSlot(token);
                if (slot >= 0) {
                    problems.add(slot);
                }
            }
            previous = new Layout.Step(type, gapBin, age, year, t, units, channels, inputs, problems.toArray());
            previousTime = start;
        }
        if (!conditionSeen && !visits.isEmpty()) {
            // the cohort promises the condition: place it where the model found it most likely
            int at = bestVisit < 0 ? visits.size() - 1 : bestVisit;
            SampledVisit v = visits.get(at);
            visits.set(
                    at,
                    new SampledVisit(
                            v.type(),
                            v.gapBin(),
                            v.start(),
                            v.units(),
                            insert(v.tokens(), conditionToken),
                            v.channels(),
                            v.values(),
                            v.inputs(),
                            v.modes(),
                            v.alphas()));
        }
        return new Sampled(List.copyOf(visits), died);
    }

    /**
     * The mixture component of a visit (0 when head B has one): drawn from the component weights, or, when units are
     * forced into the visit, from the components' posterior given those units, so the rest of the visit agrees with
     * them.
     */
    private int drawComponent(float[] logits, int[] forcedUnits, SplittableRandom random) {
        int m = layout.mixtures;
        if (m == 1) {
            return 0;
        }
        float[] weights = Arrays.copyOfRange(logits, layout.mixtureLogits, layout.mixtureLogits + m);
        if (forcedUnits != null) {
            for (int j = 0; j < m; j++) {
                for (int u : forcedUnits) {
                    double z = logits[layout.unitOutput(j, u)];
                    weights[j] -= (float) (Math.max(-z, 0) + Math.log1p(Math.exp(-Math.abs(z)))); // log σ(z)
                }
            }
        }
        return draw(weights, 0, m, random);
    }

    private int[] drawUnits(float[] logits, int offset, SplittableRandom random, int[] forcedTokens) {
        int[] out = new int[16];
        int n = 0;
        for (int u = 0; u < layout.units; u++) {
            float z = logits[offset + u];
            if (z < NEGLIGIBLE_LOGIT) {
                continue;
            }
            if (random.nextDouble() < JavaNetwork.sigmoid(z)) {
                if (n == out.length) {
                    out = Arrays.copyOf(out, 2 * n);
                }
                out[n++] = u;
            }
        }
        int[] units = Arrays.copyOf(out, n);
        if (forcedTokens != null && forcedTokens.length > 0) {
            int[] all = Arrays.copyOf(units, units.length + forcedTokens.length);
            System.arraycopy(forcedTokens, 0, all, units.length, forcedTokens.length);
            units = Arrays.stream(all).distinct().sorted().toArray();
        }
        return units;
    }

    private int[] tokensOf(int[] units) {
        Vocabulary v = encoding.vocabulary();
        return Arrays.stream(units)
                .flatMap(u -> Arrays.stream(v.members(u)))
                .distinct()
                .sorted()
                .toArray();
    }

    private int[] channelsOf(int[] tokens) {
        return Arrays.stream(tokens)
                .flatMap(tk -> Arrays.stream(layout.channelsOfToken(tk)))
                .sorted()
                .toArray();
    }

    /** A draw from softmax(out[offset..offset+n)). */
    static int draw(float[] out, int offset, int n, SplittableRandom random) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, out[offset + j]);
        }
        double total = 0;
        double[] e = new double[n];
        for (int j = 0; j < n; j++) {
            e[j] = Math.exp(out[offset + j] - max);
            total += e[j];
        }
        double x = random.nextDouble() * total;
        for (int j = 0; j < n - 1; j++) {
            x -= e[j];
            if (x < 0) {
                return j;
            }
        }
        return n - 1;
    }

    private static boolean contains(int[] sorted, int value) {
        return Arrays.binarySearch(sorted, value) >= 0;
    }

    private static int[] insert(int[] sorted, int value) {
        if (contains(sorted, value)) {
            return sorted;
        }
        int[] out = Arrays.copyOf(sorted, sorted.length + 1);
        out[sorted.length] = value;
        Arrays.sort(out);
        return out;
    }

    /** A small sorted set of ints (the problem list's condition slots). */
    static final class SortedInts {
        private int[] values = new int[8];
        private int size;

        void add(int v) {
            int i = Arrays.binarySearch(values, 0, size, v);
            if (i >= 0) {
                return;
            }
            i = -i - 1;
            if (size == values.length) {
                values = Arrays.copyOf(values, 2 * size);
            }
            System.arraycopy(values, i, values, i + 1, size - i);
            values[i] = v;
            size++;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /** A reusable sparse vector. */
    static final class Sparse implements Layout.Sink {
        int[] index;
        float[] value;
        int count;

        Sparse(int capacity) {
            index = new int[Math.min(capacity, 64)];
            value = new float[index.length];
        }

        void clear() {
            count = 0;
        }

        @Override
        public void set(int i, float v) {
            if (v == 0f) {
                return;
            }
            if (count == index.length) {
                index = Arrays.copyOf(index, 2 * count);
                value = Arrays.copyOf(value, 2 * count);
            }
            index[count] = i;
            value[count++] = v;
        }
    }
}
