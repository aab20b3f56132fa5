package io.synthfhir.gan;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** Training under DP-SGD: an epoch is 1/q steps of {@link DpSgd}, and training stops when the budget is spent. */
final class DpEpochs implements EpochRunner {
    private final ComputationGraph graph;
    private final Layout layout;
    private final List<List<Batch.Segment>> patients;
    private final DpSgd dp;
    private final SplittableRandom random;
    private long updates;

    DpEpochs(ComputationGraph graph, Layout layout, List<Batch.Segment> segments, DpSgd dp, SplittableRandom random) {
        this.graph = graph;
        this.layout = layout;
        this.dp = dp;
        this.random = random;
        Map<EncodedPatient, List<Batch.Segment>> byPatient = new IdentityHashMap<>();
        List<List<Batch.Segment>> ordered = new ArrayList<>();
        for (Batch.Segment s : segments) {
            byPatient
                    .computeIfAbsent(s.patient(), p -> {
                        List<Batch.Segment> l = new ArrayList<>();
                        ordered.add(l);
                        return l;
                    })
                    .add(s);
        }
        this.patients = ordered;
        // the gradient view exists only after a backward pass: one with zero output gradients, which reads nothing
        Batch any = Batch.of(ordered.get(0), new int[ordered.get(0).size()], layout);
        MleStep.Forward f = MleStep.forward(graph, layout, any, true);
        MleStep.backward(graph, layout, f.rows(), new float[f.epsA().length], new float[f.epsB().length]);
    }

    @Override
    public Result run(int epoch, Limits limits) {
        MleLoss.Parts parts = MleLoss.Parts.ZERO;
        int expected = (int) Math.round(dp.samplingRateTimes(patients.size()));
        for (int s = 0; s < dp.stepsPerEpoch(); s++) {
            if (limits.cancelled().getAsBoolean()) {
                throw new TrainingCancelledException("training cancelled during epoch " + (epoch + 1));
            }
            if (dp.budgetSpent()) {
                return new Result(
                        parts,
                        String.format(
                                java.util.Locale.ROOT,
                                "privacy budget spent (epsilon %.3f at delta %.1e)",
                                dp.epsilon(),
                                dp.delta()));
            }
            parts = parts.plus(dp.step(
                    graph, layout, patients, expected, (int) updates++, epoch, p -> Conditions.draw(p, random)));
            if (limits.outOfTime().getAsBoolean()) {
                return new Result(parts, limits.timeReason());
            }
        }
        return new Result(parts, null);
    }

    @Override
    public long updates() {
        return updates;
    }

    @Override
    public ModelManifest.PrivacySpent privacy() {
        return dp.spent();
    }
}
