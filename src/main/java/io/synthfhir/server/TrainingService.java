package io.synthfhir.server;

import io.synthfhir.eval.CohortSplit;
import io.synthfhir.gan.GanModel;
import io.synthfhir.gan.GanTrainer;
import io.synthfhir.gan.TrainingConfig;
import io.synthfhir.gan.TrainingProgress;
import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.privacy.PrivacyGate;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.springframework.stereotype.Service;

/**
 * What {@code $train} does for a caller the {@link AccessInterceptor} let through: check the request, then, on the
 * training thread, read the server's real records, split them (a salted hash of each patient id, so {@code $evaluate}
 * can recompute the split), train, audit the new model on the held-out patients with the privacy gate, store it, and
 * activate it only if it passed. The model serving until then keeps serving; nothing is written unless training ran
 * to its end.
 */
@Service
class TrainingService {
    /** Fewer real patients than this and the privacy audit has nothing to stand on; refused before any work. */
    static final int MIN_PATIENTS = 20;

    private final TrainingParameters parameters = new TrainingParameters();
    private final TrainingJobs jobs;
    private final ServerCohortReader reader;
    private final ModelRegistry models;
    private final SynthFhirProperties properties;
    private final Clock clock;
    private final SplittableRandom seedSource = new SplittableRandom(new SecureRandom().nextLong());

    TrainingService(
            TrainingJobs jobs,
            ServerCohortReader reader,
            ModelRegistry models,
            SynthFhirProperties properties,
            Clock clock) {
        this.jobs = jobs;
        this.reader = reader;
        this.models = models;
        this.properties = properties;
        this.clock = clock;
    }

    /** Checks everything that can be checked at once, then queues the training; returns the job id. */
    String start(TrainingParameters.Raw raw) {
        TrainingRequest parsed;
        try {
            synchronized (seedSource) {
                parsed = parameters.parse(raw, seedSource);
            }
        } catch (InvalidParameterException e) {
            throw OperationOutcomes.invalid(e);
        }
        ServerCohortReader.Selection selection = selection(parsed);
        int available = reader.count(selection);
        if (available < MIN_PATIENTS) {
            throw OperationOutcomes.unprocessable(
                    parsed.condition() == null ? "records" : "condition",
                    "$train needs at least " + MIN_PATIENTS + " real (not synthetic-tagged) patients"
                            + (parsed.condition() == null
                                    ? ""
                                    : " with condition " + parsed.condition().key())
                            + "; this server holds " + available + ". The current model stays.");
        }
        return jobs.submit((progress, cancelled) -> train(parsed, selection, progress, cancelled));
    }

    private static ServerCohortReader.Selection selection(TrainingRequest r) {
        ServerCohortReader.Selection s = ServerCohortReader.Selection.real();
        if (r.condition() != null) {
            s = s.withCondition(r.condition());
        }
        return r.maxPatients() == null ? s : s.limitedTo(r.maxPatients());
    }

    private TrainingOutcome train(
            TrainingRequest request,
            ServerCohortReader.Selection selection,
            Consumer<String> progress,
            BooleanSupplier cancelled)
            throws Exception {
        long t0 = System.nanoTime();
        progress.accept("reading the server's real records");
        List<PatientRecord> records = reader.read(selection).records();
        CohortSplit split = new CohortSplit(request.seed(), request.heldOutShare());
        CohortSplit.Parts parts = split.apply(records);
        if (parts.heldOut().size() < PrivacyGate.MIN_HELD_OUT) {
            throw new TrainingRefusedException("the held-out share " + request.heldOutShare() + " of " + records.size()
                    + " patients leaves " + parts.heldOut().size() + " held out; the privacy gate needs at least "
                    + PrivacyGate.MIN_HELD_OUT + " (raise heldOutShare or load more patients)");
        }
        if (cancelled.getAsBoolean()) {
            return null;
        }
        GanModel model = new GanTrainer(config(request))
                .train(parts.training(), parts.heldOut(), p -> progress.accept(describe(p, request)), cancelled);
        progress.accept("auditing the model on " + parts.heldOut().size() + " held-out patients");
        LocalDate today = properties.referenceDate() != null ? properties.referenceDate() : LocalDate.now(clock);
        PrivacyGate.Audit audit = gate(request)
                .auditSample(
                        model.generator(),
                        properties.models().gate().auditPatients(),
                        today,
                        parts.training(),
                        parts.heldOut(),
                        request.seed());
        if (cancelled.getAsBoolean()) {
            return null;
        }
        Path file = models.store(model, audit);
        var manifest = model.manifest();
        return new TrainingOutcome(
                manifest.modelId(),
                file.getFileName().toString(),
                audit.passed(),
                audit.reasons(),
                audit.figures(),
                manifest.metrics(),
                parts.training().size(),
                parts.heldOut().size(),
                manifest.privacy() == null ? null : manifest.privacy().epsilon(),
                manifest.privacy() == null ? null : manifest.privacy().delta(),
                (System.nanoTime() - t0) / 1e9);
    }

    private TrainingConfig config(TrainingRequest r) {
        TrainingConfig c = TrainingConfig.defaults(r.seed())
                .withK(r.k())
                .withTimeBudget(r.timeBudget())
                .withSplit(new TrainingConfig.Split("salted hash of the patient id", r.seed(), r.heldOutShare(), null));
        if (r.epochs() != null) {
            c = c.withEpochs(r.epochs());
        }
        if (r.differentiallyPrivate()) {
            // The train command's defaults (docs/gan.md): clip norm 1, Poisson sampling rate 0.05.
            c = c.withPrivacy(new TrainingConfig.Privacy(r.epsilon(), r.noiseMultiplier(), r.delta(), 1.0, 0.05));
        }
        return c;
    }

    private PrivacyGate gate(TrainingRequest r) {
        SynthFhirProperties.Gate g = properties.models().gate();
        return new PrivacyGate(
                new PrivacyGate.Limits(g.maxExactCopies(), g.maxMembershipAccuracy(), g.maxCloserToTraining(), r.k()));
    }

    /** The audit's synthetic cohort: whole histories at every age, as the real records are. */
    private static String describe(TrainingProgress p, TrainingRequest r) {
        StringBuilder s = new StringBuilder(p.phase());
        if ("epoch".equals(p.phase())) {
            s.append(' ').append(p.epoch()).append(" of ").append(r.epochs() == null ? p.maxEpochs() : r.epochs());
            if (Double.isFinite(p.heldOutLoss())) {
                s.append(String.format(Locale.ROOT, ", held-out loss %.4f", p.heldOutLoss()));
            }
            if (Double.isFinite(p.epsilon())) {
                s.append(String.format(Locale.ROOT, ", epsilon %.2f", p.epsilon()));
            }
        }
        Duration e = p.elapsed();
        s.append(String.format(
                Locale.ROOT,
                ", %d:%02d of %d:%02d",
                e.toMinutes(),
                e.toSecondsPart(),
                r.timeBudget().toMinutes(),
                r.timeBudget().toSecondsPart()));
        return s.toString();
    }
}
