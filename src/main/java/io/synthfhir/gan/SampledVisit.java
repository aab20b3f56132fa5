package io.synthfhir.gan;

import java.time.Instant;

/**
 * One generated visit before decoding: its type, gap bin and start, the units drawn, the tokens they stand for
 * (expanded, sorted, distinct), and the present channels with their values and, aligned, the mode and alpha each value
 * was drawn with (what the adversarial term scores the generator's likelihood of).
 */
record SampledVisit(
        int type,
        int gapBin,
        Instant start,
        int[] units,
        int[] tokens,
        int[] channels,
        double[] values,
        float[] inputs,
        int[] modes,
        float[] alphas) {}
