package io.synthfhir.gan;

import java.util.List;
import java.util.SplittableRandom;

/**
 * CTGAN's training-by-sampling for the cohort condition: each time a patient is trained on, it is given one of its
 * own conditions as the conditional input, or none (half the time), so the model learns both "a patient" and "a
 * patient who has X" and a {@code condition=X} cohort needs no rejection sampling.
 */
final class Conditions {
    private Conditions() {}

    static int draw(EncodedPatient p, SplittableRandom random) {
        int[] held = p.conditionSlots();
        return held.length == 0 || random.nextBoolean() ? -1 : held[random.nextInt(held.length)];
    }

    /** One draw per segment; the segments of one patient in a batch share it. */
    static int[] draw(List<Batch.Segment> segments, SplittableRandom random) {
        int[] slots = new int[segments.size()];
        java.util.Map<EncodedPatient, Integer> chosen = new java.util.IdentityHashMap<>();
        for (int i = 0; i < slots.length; i++) {
            EncodedPatient p = segments.get(i).patient();
            slots[i] = chosen.computeIfAbsent(p, x -> draw(x, random));
        }
        return slots;
    }
}
