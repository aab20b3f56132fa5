package io.synthfhir.gan;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.AdministrativeSex;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The adversarial term, SeqGAN style (Yu et al. 2017): the generator, run freely as the sampler runs it, writes whole
 * patient histories; the {@link Critic} judges after every visit whether the history so far is real; the generator
 * follows the policy gradient — its own likelihood of the generated visits, weighted by how much more real than
 * average the critic found them. The visits are discrete, so this, rather than a gradient through the critic's input,
 * is what carries the critic's judgement back. The likelihood term on real records stays beside it (the defence
 * against mode collapse SeqGAN and MTGAN pre-train with).
 */
final class Adversary {
    /** Rewards are the critic's logit, clipped so one confident judgement cannot dominate a batch. */
    static final double MAX_REWARD = 5;

    private final TrainingConfig.Adversarial config;
    private final TrainingConfig.Batching batching;
    private final Encoding encoding;
    private final Layout layout;
    private final ComputationGraph generator;
    private final Critic critic;
    private final SplittableRandom random;
    private final CohortSpec spec;

    Adversary(
            TrainingConfig.Adversarial config,
            TrainingConfig.Batching batching,
            Encoding encoding,
            Layout layout,
            ComputationGraph generator,
            long seed,
            double learningRate) {
        this.config = config;
        this.batching = batching;
        this.encoding = encoding;
        this.layout = layout;
        this.generator = generator;
        this.critic = new Critic(layout, config.criticHidden(), seed + 1, learningRate);
        this.random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        this.spec = FinalFigures.likeTraining(encoding, seed);
    }

    boolean active(int epoch) {
        return config.enabled() && epoch >= config.warmupEpochs();
    }

    double weight() {
        return config.weight();
    }

    Critic critic() {
        return critic;
    }

    /** One segment of each of {@code count} histories sampled from the generator as it is now. */
    List<Batch.Segment> fakes(int count) {
        VisitSampler sampler = new VisitSampler(encoding, layout, new JavaNetwork(generator, layout.unitBlock));
        Instant until = spec.referenceDate().atStartOfDay(ZoneOffset.UTC).toInstant();
        List<Batch.Segment> out = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            DemographicPrior.Draw d = encoding.demographics().draw(spec, -1, random);
            LocalDate birthDate = spec.referenceDate().minusDays((long) Math.floor(d.age() * 365.25));
            Instant birth = PatientEncoder.birthInstant(birthDate);
            boolean male = d.sex() == AdministrativeSex.MALE;
            VisitSampler.Sampled s = sampler.sample(birth, male, -1, until, null, null, random);
            List<Batch.Segment> segments =
                    Batch.Segment.of(encode(s, male, birth, until), batching.window(), batching.burnIn());
            out.add(segments.get(random.nextInt(segments.size())));
        }
        return out;
    }

    /** A sampled history in the network's encoding, as {@link PatientEncoder} would have encoded its record. */
    EncodedPatient encode(VisitSampler.Sampled s, boolean male, Instant birth, Instant until) {
        List<EncodedPatient.Visit> visits = new ArrayList<>();
        java.util.TreeSet<Integer> problems = new java.util.TreeSet<>();
        Instant last = birth;
        for (int t = 0; t < s.visits().size(); t++) {
            SampledVisit v = s.visits().get(t);
            for (int token : v.tokens()) {
                int slot = layout.conditionSlot(token);
                if (slot >= 0) {
                    problems.add(slot);
                }
            }
            Layout.Step step = new Layout.Step(
                    v.type(),
                    v.gapBin(),
                    PatientEncoder.ageYears(birth, v.start()),
                    PatientEncoder.year(v.start()),
                    t,
                    v.units(),
                    v.channels(),
                    v.inputs(),
                    problems.stream().mapToInt(Integer::intValue).toArray());
            visits.add(new EncodedPatient.Visit(step, v.modes(), v.alphas()));
            last = v.start();
        }
        int censor = s.died() ? -1 : encoding.gaps().firstBinBeyond(Duration.between(last, until));
        return new EncodedPatient(male, PatientEncoder.year(birth), s.died(), censor, new int[0], visits);
    }

    /**
     * The generator's gradient of {@code Σ A · NLL} over the generated steps, A the critic's standardised reward: a
     * flat copy (the network's gradient view is overwritten by the next backward pass).
     */
    INDArray policyGradient(List<Batch.Segment> fake, Critic.Input fakeInput) {
        float[][] p = critic.judge(fakeInput);
        double[][] reward = new double[p.length][];
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            Batch.Segment seg = fake.get(i);
            int visits = Math.min(seg.to(), seg.patient().visits().size()) - seg.from();
            reward[i] = new double[Math.max(visits, 0)];
            for (int t = 0; t < visits; t++) {
                double q = Math.min(Math.max(p[i][t], 1e-6), 1 - 1e-6);
                double r = Math.max(-MAX_REWARD, Math.min(MAX_REWARD, Math.log(q / (1 - q))));
                reward[i][t] = r;
                if (seg.from() + t >= seg.lossFrom()) {
                    sum += r;
                    squares += r * r;
                    n++;
                }
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        double sd = n < 2 ? 1 : Math.sqrt(Math.max(squares / n - mean * mean, 1e-12));
        int[] none = new int[fake.size()];
        java.util.Arrays.fill(none, -1);
        Batch batch = Batch.of(fake, none, layout);
        MleStep.Forward f = MleStep.forward(generator, layout, batch, true);
        for (int i = 0; i < fake.size(); i++) {
            for (int t = 0; t < batch.length; t++) {
                int r = batch.row(i, t);
                if (batch.kind[r] == Batch.NONE) {
                    continue;
                }
                double[] rs = reward[i];
                double advantage = rs.length == 0 ? 0 : (rs[Math.min(t, rs.length - 1)] - mean) / sd;
                scale(f.epsA(), r * layout.headASize, layout.headASize, (float) advantage);
                scale(f.epsB(), r * layout.headBSize, layout.headBSize, (float) advantage);
            }
        }
        Gradient g = MleStep.backward(generator, layout, f.rows(), f.epsA(), f.epsB());
        return g.gradient().dup();
    }

    private static void scale(float[] a, int from, int n, float factor) {
        for (int j = from; j < from + n; j++) {
            a[j] *= factor;
        }
    }
}
