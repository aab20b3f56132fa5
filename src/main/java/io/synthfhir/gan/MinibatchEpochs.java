package io.synthfhir.gan;

import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Plain training: length-bucketed minibatches under the likelihood, plus the adversarial term when configured. */
final class MinibatchEpochs implements EpochRunner {
    private final ComputationGraph graph;
    private final Layout layout;
    private final List<Batch.Segment> segments;
    private final int batchSize;
    private final SplittableRandom random;
    private final Adversary adversary;
    private long updates;

    MinibatchEpochs(
            ComputationGraph graph,
            Layout layout,
            List<Batch.Segment> segments,
            int batchSize,
            SplittableRandom random,
            Adversary adversary) {
        this.graph = graph;
        this.layout = layout;
        this.segments = segments;
        this.batchSize = batchSize;
        this.random = random;
        this.adversary = adversary;
    }

    @Override
    public Result run(int epoch, Limits limits) {
        MleLoss.Parts parts = MleLoss.Parts.ZERO;
        for (List<Batch.Segment> batchSegments : BatchPlan.plan(segments, batchSize, random)) {
            if (limits.cancelled().getAsBoolean()) {
                throw new TrainingCancelledException("training cancelled during epoch " + (epoch + 1));
            }
            Batch batch = Batch.of(batchSegments, Conditions.draw(batchSegments, random), layout);
            MleStep.Forward f = MleStep.forward(graph, layout, batch, true);
            Gradient g = MleStep.backward(graph, layout, f.rows(), f.epsA(), f.epsB());
            if (adversary != null && adversary.active(epoch)) {
                // likelihood on real records plus the weighted policy gradient on generated ones, in one update
                INDArray total = g.gradient().dup();
                List<Batch.Segment> fake = adversary.fakes(batchSegments.size());
                Critic.Input fakeInput = adversary.critic().input(fake);
                total.addi(adversary.policyGradient(fake, fakeInput).muli(adversary.weight()));
                g = DpSgd.gradientView(graph, total);
                MleStep.apply(graph, g, (int) updates++, epoch, batch.size);
                adversary.critic().fit(adversary.critic().input(batchSegments), fakeInput);
            } else {
                MleStep.apply(graph, g, (int) updates++, epoch, batch.size);
            }
            parts = parts.plus(f.parts());
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
}
