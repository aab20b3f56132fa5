package io.synthfhir.gan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Groups patients of similar length into batches of about {@code visitsPerBatch} visits, so padding stays small and
 * every update sees about as many visits. Lengths are jittered before sorting so batches differ between epochs; the
 * batch order is shuffled.
 */
final class BatchPlan {
    private BatchPlan() {}

    static List<List<EncodedPatient>> plan(List<EncodedPatient> patients, int visitsPerBatch, SplittableRandom random) {
        record Keyed(EncodedPatient p, double key) {}
        List<Keyed> keyed = new ArrayList<>();
        for (EncodedPatient p : patients) {
            keyed.add(new Keyed(p, p.steps() * (0.85 + 0.3 * random.nextDouble())));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key));
        List<List<EncodedPatient>> batches = new ArrayList<>();
        List<EncodedPatient> current = new ArrayList<>();
        int longest = 0;
        for (Keyed k : keyed) {
            int steps = k.p().steps();
            int padded = Math.max(longest, steps) * (current.size() + 1);
            if (!current.isEmpty() && padded > visitsPerBatch) {
                batches.add(current);
                current = new ArrayList<>();
                longest = 0;
            }
            current.add(k.p());
            longest = Math.max(longest, steps);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        for (int i = batches.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            var tmp = batches.get(i);
            batches.set(i, batches.get(j));
            batches.set(j, tmp);
        }
        return batches;
    }

    /** Fixed batches for evaluation (no jitter, no shuffle). */
    static List<List<EncodedPatient>> fixed(List<EncodedPatient> patients, int visitsPerBatch) {
        List<EncodedPatient> sorted = new ArrayList<>(patients);
        sorted.sort(Comparator.comparingInt(EncodedPatient::steps));
        List<List<EncodedPatient>> batches = new ArrayList<>();
        List<EncodedPatient> current = new ArrayList<>();
        for (EncodedPatient p : sorted) {
            if (!current.isEmpty() && p.steps() * (current.size() + 1) > visitsPerBatch) {
                batches.add(current);
                current = new ArrayList<>();
            }
            current.add(p);
        }
        if (!current.isEmpty()) {
            batches.add(current);
        }
        return batches;
    }
}
