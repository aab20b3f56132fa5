package io.synthfhir.gan;

import io.synthfhir.engine.LabCatalog;
import io.synthfhir.model.PatientRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Trains a {@link GanModel} from patient records: learns the encoding, then fits the generator by teacher-forced
 * likelihood (optionally with the adversarial term and/or under DP-SGD), keeping the weights of the epoch with the
 * best held-out likelihood. Stops at the epoch budget, the time budget, when the held-out loss stops improving, or
 * when a DP budget is spent. The caller's {@code cancelled} is polled between batches; cancelling throws
 * {@link TrainingCancelledException} and leaves nothing behind (the model exists only once {@code train} returns).
 *
 * <p>Holds no state between calls and none shared: trainers on other threads, and generators sampling from other
 * models, are unaffected (ND4J's native thread count is process-wide, and set to {@link TrainingConfig#threads()}).
 */
public final class GanTrainer {
    /** The smallest cohort worth training on, whatever k is. */
    static final int MIN_PATIENTS = 5;

    private final TrainingConfig config;

    public GanTrainer(TrainingConfig config) {
        this.config = Objects.requireNonNull(config, "config");
    }

    public TrainingConfig config() {
        return config;
    }

    /**
     * @param training the records to learn from
     * @param heldOut records kept out of training, for early stopping and the final figures (may be empty)
     * @throws TrainingDataException when the records are too few or share too little to learn from
     * @throws TrainingCancelledException when {@code cancelled} turned true
     */
    public GanModel train(
            List<PatientRecord> training,
            List<PatientRecord> heldOut,
            TrainingListener listener,
            BooleanSupplier cancelled) {
        Clock clock = new Clock();
        TrainingListener out = listener == null ? TrainingListener.NONE : listener;
        BooleanSupplier stop = cancelled == null ? () -> false : cancelled;
        List<PatientRecord> held = heldOut == null ? List.of() : heldOut;
        int minimum = Math.max(MIN_PATIENTS, 2 * config.k());
        if (training == null || training.size() < minimum) {
            throw new TrainingDataException("training needs at least " + minimum + " patients (2 k, k=" + config.k()
                    + "); got " + (training == null ? 0 : training.size()));
        }
        NativeThreads.bound(config.threads());
        out.progress(progress(
                "encoding",
                0,
                0,
                clock,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                Double.NaN,
                "learning the vocabulary, value normalisers and gap bins from " + training.size() + " patients"));
        Encoding encoding = new EncodingBuilder(LabCatalog.load()).build(training, config.k(), config.gapBins());
        Layout layout = new Layout(encoding, config.shape().mixtures());
        PatientEncoder encoder = new PatientEncoder(encoding, layout);
        TrainingConfig.Batching batching = config.batching();
        List<Batch.Segment> train = BatchPlan.segments(
                training.stream().map(encoder::encode).toList(), batching.window(), batching.burnIn());
        List<Batch.Segment> test =
                BatchPlan.segments(held.stream().map(encoder::encode).toList(), batching.window(), batching.burnIn());
        ComputationGraph graph = GeneratorNetwork.build(layout, config.shape(), config.seed(), config.learningRate());
        OutputPriors.apply(graph, layout, encoding, train, config.privacy() == null);
        SplittableRandom random = new SplittableRandom(config.seed());
        Adversary adversary = config.adversarial().enabled()
                ? new Adversary(
                        config.adversarial(), batching, encoding, layout, graph, config.seed(), config.learningRate())
                : null;
        EpochRunner runner;
        DpSgd dp = null;
        if (config.privacy() != null) {
            if (adversary != null) {
                throw new IllegalArgumentException("DP-SGD with the adversarial term is not supported: train with one "
                        + "or the other (the critic reads real records, so its gradient would need the same clipping "
                        + "and noise as the generator's, jointly)");
            }
            dp = new DpSgd(config.privacy(), config.maxEpochs());
            runner = new DpEpochs(graph, layout, train, dp, random);
        } else {
            runner = new MinibatchEpochs(graph, layout, train, batching.size(), random, adversary);
        }
        long budget = config.timeBudget().getSeconds();
        String timeReason = "time budget (" + config.timeBudget() + ") reached";
        EpochRunner.Limits limits = new EpochRunner.Limits(stop, () -> clock.seconds() > budget, timeReason);

        INDArray best = graph.params().dup();
        double bestLoss = Double.POSITIVE_INFINITY;
        int bestEpoch = 0;
        int epochsWithoutGain = 0;
        int epoch = 0;
        String stopReason = "epoch budget (" + config.maxEpochs() + ") reached";
        double epochSeconds = 0;
        while (epoch < config.maxEpochs()) {
            if (clock.seconds() + epochSeconds > budget) {
                stopReason = timeReason;
                break;
            }
            double epochStart = clock.seconds();
            EpochRunner.Result result = runner.run(epoch, limits);
            epoch++;
            epochSeconds = clock.seconds() - epochStart;
            MleLoss.Parts trainParts = result.parts();
            double heldLoss = test.isEmpty() ? trainParts.perStep() : heldOutLoss(graph, layout, test, batching.size());
            if (heldLoss < bestLoss) {
                bestLoss = heldLoss;
                bestEpoch = epoch;
                best = graph.params().dup();
                epochsWithoutGain = 0;
            } else {
                epochsWithoutGain++;
            }
            double epsilon = dp == null ? Double.NaN : dp.epsilon();
            out.progress(progress(
                    "epoch",
                    epoch,
                    runner.updates(),
                    clock,
                    trainParts.perStep(),
                    heldLoss,
                    bestLoss,
                    epsilon,
                    String.format(
                            java.util.Locale.ROOT,
                            "epoch %d/%d: train %.4f nats/step (gap %.3f, type %.3f, codes %.3f, values %.3f),"
                                    + " held-out %.4f (best %.4f at epoch %d), %.1f s%s",
                            epoch,
                            config.maxEpochs(),
                            trainParts.perStep(),
                            trainParts.gap() / trainParts.steps(),
                            trainParts.type() / trainParts.steps(),
                            trainParts.units() / trainParts.steps(),
                            trainParts.values() / trainParts.steps(),
                            heldLoss,
                            bestLoss,
                            bestEpoch,
                            epochSeconds,
                            dp == null ? "" : String.format(java.util.Locale.ROOT, ", epsilon %.3f", epsilon))));
            if (result.stopReason() != null) {
                stopReason = result.stopReason();
                break;
            }
            if (!test.isEmpty() && epochsWithoutGain >= config.patience()) {
                stopReason = "held-out loss did not improve for " + config.patience() + " epochs";
                break;
            }
        }
        if (bestEpoch > 0) {
            graph.setParams(best);
        }
        ModelManifest.PrivacySpent privacy = runner.privacy();
        ModelManifest.Run run = new ModelManifest.Run(
                epoch, runner.updates(), clock.seconds(), clock.cpuSeconds(), stopReason, bestEpoch);
        GanModel model = assemble(encoding, graph, training, held, run, privacy, Map.of());
        if (config.evaluationPatients() > 0 && !held.isEmpty()) {
            out.progress(progress(
                    "evaluating",
                    epoch,
                    runner.updates(),
                    clock,
                    Double.NaN,
                    bestLoss,
                    bestLoss,
                    Double.NaN,
                    "sampling " + config.evaluationPatients() + " patients to measure against the held-out ones"));
            Map<String, Double> metrics = new java.util.LinkedHashMap<>();
            metrics.put("heldout.nll-per-step", bestLoss);
            metrics.putAll(FinalFigures.measure(model, training, held, config.evaluationPatients(), config.seed()));
            run = new ModelManifest.Run(
                    epoch, runner.updates(), clock.seconds(), clock.cpuSeconds(), stopReason, bestEpoch);
            model = assemble(encoding, graph, training, held, run, privacy, metrics);
        }
        out.progress(progress(
                "done",
                epoch,
                runner.updates(),
                clock,
                Double.NaN,
                bestLoss,
                bestLoss,
                privacy == null ? Double.NaN : privacy.epsilon(),
                "trained " + model.manifest().modelId() + ": " + stopReason));
        return model;
    }

    static double heldOutLoss(ComputationGraph graph, Layout layout, List<Batch.Segment> segments, int batchSize) {
        MleLoss.Parts total = MleLoss.Parts.ZERO;
        for (List<Batch.Segment> batch : BatchPlan.fixed(segments, batchSize)) {
            int[] slots = new int[batch.size()];
            java.util.Arrays.fill(slots, -1);
            Batch b = Batch.of(batch, slots, layout);
            total = total.plus(MleStep.forward(graph, layout, b, false).parts());
        }
        return total.perStep();
    }

    private GanModel assemble(
            Encoding encoding,
            ComputationGraph graph,
            List<PatientRecord> training,
            List<PatientRecord> heldOut,
            ModelManifest.Run run,
            ModelManifest.PrivacySpent privacy,
            Map<String, Double> metrics) {
        ModelManifest manifest = new ModelManifest(
                ModelManifest.FORMAT_VERSION,
                ModelIdentity.modelId(encoding, graph),
                Instant.now().toString(),
                ModelIdentity.dataHash(training),
                training.size(),
                heldOut.size(),
                config.seed(),
                config.k(),
                config.split(),
                ModelManifest.libraryVersions(),
                ModelManifest.HyperParameters.of(config),
                privacy,
                run,
                new ModelManifest.Sizes(
                        encoding.vocabulary().tokenCount(),
                        encoding.vocabulary().groups().size(),
                        encoding.channels().size(),
                        encoding.visitTypes().count(),
                        encoding.gaps().count(),
                        graph.numParams()),
                metrics);
        return new GanModel(manifest, encoding, graph);
    }

    private TrainingProgress progress(
            String phase,
            int epoch,
            long updates,
            Clock clock,
            double train,
            double held,
            double best,
            double epsilon,
            String message) {
        return new TrainingProgress(
                phase,
                epoch,
                config.maxEpochs(),
                updates,
                Duration.ofMillis((long) (clock.seconds() * 1000)),
                train,
                held,
                best,
                epsilon,
                message);
    }

    /** Wall and CPU time since training started. */
    static final class Clock {
        private final long start = System.nanoTime();
        private final double cpuStart = cpu();

        double seconds() {
            return (System.nanoTime() - start) / 1e9;
        }

        double cpuSeconds() {
            return cpu() - cpuStart;
        }

        private static double cpu() {
            return ((com.sun.management.OperatingSystemMXBean)
                                    java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                            .getProcessCpuTime()
                    / 1e9;
        }
    }
}
