package io.synthfhir.gan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Groups sequence segments of similar length into batches of {@code batchSize}, so padding stays small. DL4J's LSTM
 * runs its time steps one after another whatever the batch size, so fewer, wider batches are what make an epoch fast;
 * long sequences are cut into windows (see {@link Batch.Segment}) so one very long record does not set the length of
 * its whole batch. Lengths are jittered before sorting so batches differ between epochs; the batch order is shuffled.
 */
final class BatchPlan {
    private BatchPlan() {}

    static List<Batch.Segment> segments(List<EncodedPatient> patients, int window, int burnIn) {
        List<Batch.Segment> out = new ArrayList<>();
        for (EncodedPatient p : patients) {
            out.addAll(Batch.Segment.of(p, window, burnIn));
        }
        return out;
    }

    static List<List<Batch.Segment>> plan(List<Batch.Segment> segments, int batchSize, SplittableRandom random) {
        record Keyed(Batch.Segment s, double key) {}
        List<Keyed> keyed = new ArrayList<>();
        for (Batch.Segment s : segments) {
            keyed.add(new Keyed(s, s.length() * (0.8 + 0.4 * random.nextDouble())));
        }
        keyed.sort(Comparator.comparingDouble(Keyed::key));
        List<List<Batch.Segment>> batches = chunks(keyed.stream().map(Keyed::s).toList(), batchSize);
        for (int i = batches.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            var tmp = batches.get(i);
            batches.set(i, batches.get(j));
            batches.set(j, tmp);
        }
        return batches;
    }

    /** Fixed batches for evaluation (sorted by length, no jitter, no shuffle). */
    static List<List<Batch.Segment>> fixed(List<Batch.Segment> segments, int batchSize) {
        List<Batch.Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingInt(Batch.Segment::length));
        return chunks(sorted, batchSize);
    }

    private static List<List<Batch.Segment>> chunks(List<Batch.Segment> sorted, int batchSize) {
        List<List<Batch.Segment>> batches = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i += batchSize) {
            batches.add(new ArrayList<>(sorted.subList(i, Math.min(sorted.size(), i + batchSize))));
        }
        return batches;
    }
}
