package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.privacy.RdpAccountant;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;

class DpSgdTest {
    private static final double CLIP = 0.5;

    /** A patient unlike any other: every learned condition at every visit. */
    private static PatientRecord outlier(PatientRecord base, Encoding encoding) {
        List<Code> conditions = new ArrayList<>();
        for (Token t : encoding.vocabulary().tokens()) {
            if (t.kind() == TokenKind.CONDITION) {
                conditions.add(t.code());
            }
        }
        List<Encounter> encounters = new ArrayList<>();
        for (Encounter e : base.encounters()) {
            Encounter.Builder b = e.toBuilder();
            conditions.forEach(c -> b.conditions.add(new Condition(c, e.start())));
            encounters.add(b.build());
        }
        return base.withEncounters(encounters);
    }

    @Test
    void clippingBoundsOneOutliersContributionToTheUpdateByTheClipNorm() {
        // Setup: the generator network and the per-patient gradients DP-SGD sums
        List<PatientRecord> cohort = GanFixtures.cohort();
        Encoding encoding = GanFixtures.encoding(cohort, 3);
        Layout layout = new Layout(encoding);
        ComputationGraph graph = GeneratorNetwork.build(layout, new TrainingConfig.Shape(16, 16, 16, 0), 1, 1e-3);
        PatientEncoder encoder = new PatientEncoder(encoding, layout);
        List<List<Batch.Segment>> patients = new ArrayList<>();
        for (PatientRecord r : cohort.subList(0, 6)) {
            patients.add(Batch.Segment.of(encoder.encode(r), 192, 48));
        }
        List<Batch.Segment> odd = Batch.Segment.of(encoder.encode(outlier(cohort.get(7), encoding)), 192, 48);

        // Test: the clipped sums with and without the outlier
        DpSgd.ClippedSum without = new DpSgd.ClippedSum(CLIP);
        DpSgd.ClippedSum with = new DpSgd.ClippedSum(CLIP);
        for (List<Batch.Segment> p : patients) {
            INDArray g = DpSgd.exampleGradient(graph, layout, p, -1).gradient();
            without.add(g.dup());
            with.add(g.dup());
        }
        INDArray oddGradient = DpSgd.exampleGradient(graph, layout, odd, -1).gradient();
        double rawNorm = with.add(oddGradient);

        // Verify: the outlier's own gradient is far larger than C, its effect on the sum is at most C
        INDArray like = graph.params();
        double influence = with.sum(like).sub(without.sum(like)).norm2Number().doubleValue();
        assertThat(rawNorm).isGreaterThan(4 * CLIP);
        assertThat(influence).isLessThanOrEqualTo(CLIP * (1 + 1e-5)).isGreaterThan(CLIP * 0.99);
        assertThat(with.examples()).isEqualTo(7);
    }

    @Test
    void trainingToATargetEpsilonSpendsNoMoreAndRecordsWhatItSpent() {
        List<PatientRecord> all = GanFixtures.cohort();
        TrainingConfig.Privacy privacy = new TrainingConfig.Privacy(2.0, null, 1e-5, 1.0, 0.25);

        GanModel model = new GanTrainer(
                        GanFixtures.tinyConfig().withPrivacy(privacy).withEpochs(2))
                .train(all.subList(0, 30), all.subList(30, 40), null, null);

        ModelManifest.PrivacySpent spent = model.manifest().privacy();
        assertThat(spent).isNotNull();
        assertThat(spent.epsilon()).isPositive().isLessThanOrEqualTo(2.0);
        assertThat(spent.delta()).isEqualTo(1e-5);
        assertThat(spent.steps()).isEqualTo(8); // 2 epochs of 1/q = 4 steps
        assertThat(spent.epsilon())
                .isEqualTo(new RdpAccountant().epsilon(0.25, spent.noiseMultiplier(), spent.steps(), 1e-5));
        assertThat(spent.covers()).contains("Not covered");
    }

    @Test
    void aSpentBudgetStopsTraining() {
        List<PatientRecord> all = GanFixtures.cohort();
        double sigma = 0.8;
        double oneStep = new RdpAccountant().epsilon(0.5, sigma, 1, 1e-5);
        double twoSteps = new RdpAccountant().epsilon(0.5, sigma, 2, 1e-5);
        TrainingConfig.Privacy privacy = new TrainingConfig.Privacy((oneStep + twoSteps) / 2, sigma, 1e-5, 1.0, 0.5);

        GanModel model = new GanTrainer(
                        GanFixtures.tinyConfig().withPrivacy(privacy).withEpochs(1))
                .train(all.subList(0, 30), all.subList(30, 40), null, null);

        assertThat(model.manifest().privacy().epsilon()).isLessThanOrEqualTo(privacy.targetEpsilon());
        assertThat(model.manifest().run().stopReason()).contains("privacy budget spent");
        assertThat(model.manifest().privacy().steps()).isEqualTo(1);
    }

    @Test
    void dpWithTheAdversarialTermIsRefused() {
        List<PatientRecord> all = GanFixtures.cohort();
        TrainingConfig config = GanFixtures.tinyConfig()
                .withPrivacy(new TrainingConfig.Privacy(null, 1.0, 1e-5, 1.0, 0.2))
                .withAdversarial(new TrainingConfig.Adversarial(0.3, 8, 0));

        assertThatThrownBy(() -> new GanTrainer(config).train(all.subList(0, 30), List.of(), null, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not supported");
    }
}
