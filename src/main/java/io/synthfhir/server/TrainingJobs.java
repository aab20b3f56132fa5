package io.synthfhir.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.synthfhir.gan.TrainingDataException;
import io.synthfhir.generate.InvalidParameterException;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs {@code $train} jobs one at a time on a background thread of low priority, so that training (minutes of CPU)
 * never holds up {@code $synthesize}, which keeps serving the active model meanwhile. Each job's state is also
 * written as JSON under the models folder, so that after a restart a poll still learns how a job ended — or that the
 * restart interrupted it (a model is only ever written whole, at the end, so an interrupted job leaves none).
 */
@Component
class TrainingJobs {
    private static final Logger log = LoggerFactory.getLogger(TrainingJobs.class);
    private static final Pattern JOB_ID = Pattern.compile("[a-f0-9-]{36}");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    enum State {
        QUEUED,
        RUNNING,
        COMPLETED,
        FAILED,
        CANCELLED,
        INTERRUPTED;

        boolean ended() {
            return this != QUEUED && this != RUNNING;
        }
    }

    /**
     * What a poll sees. {@code userError} marks failures the caller can fix (too few patients, nothing to learn), which
     * answer 422 rather than 500; {@code outcome} is set once completed.
     */
    record Status(
            String id,
            State state,
            Instant submitted,
            Instant started,
            Instant ended,
            String progress,
            String error,
            boolean userError,
            TrainingOutcome outcome) {

        Status with(State s, String newProgress, Instant now) {
            return new Status(
                    id,
                    s,
                    submitted,
                    s == State.RUNNING && started == null ? now : started,
                    s.ended() ? now : ended,
                    newProgress,
                    error,
                    userError,
                    outcome);
        }
    }

    /** The training itself: reports progress, checks for cancellation, returns what came of it. */
    interface Work {
        TrainingOutcome run(Consumer<String> progress, BooleanSupplier cancelled) throws Exception;
    }

    private final Map<String, Status> jobs = new ConcurrentHashMap<>();
    private final Map<String, AtomicBoolean> cancels = new ConcurrentHashMap<>();
    private final ExecutorService executor;
    private final Path folder;
    private final Clock clock;

    TrainingJobs(SynthFhirProperties properties, Clock clock) {
        this.folder = properties.modelsFolder().resolve("jobs");
        this.clock = clock;
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "synthfhir-training");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        recoverAfterRestart();
    }

    String submit(Work work) {
        String id = UUID.randomUUID().toString();
        Status queued = new Status(id, State.QUEUED, clock.instant(), null, null, "queued", null, false, null);
        AtomicBoolean cancel = new AtomicBoolean();
        cancels.put(id, cancel);
        save(queued);
        executor.execute(() -> run(id, work, cancel));
        return id;
    }

    private void run(String id, Work work, AtomicBoolean cancel) {
        if (cancel.get()) {
            return;
        }
        update(id, s -> s.with(State.RUNNING, "starting", clock.instant()));
        try {
            TrainingOutcome outcome =
                    work.run(p -> update(id, s -> s.with(State.RUNNING, p, clock.instant())), cancel::get);
            if (cancel.get()) {
                update(id, s -> s.with(State.CANCELLED, "cancelled", clock.instant()));
                return;
            }
            update(
                    id,
                    s -> new Status(
                            s.id(),
                            State.COMPLETED,
                            s.submitted(),
                            s.started(),
                            clock.instant(),
                            "done",
                            null,
                            false,
                            outcome));
        } catch (InvalidParameterException | TrainingRefusedException | TrainingDataException e) {
            fail(id, e.getMessage(), true);
        } catch (Exception | LinkageError e) {
            if (cancel.get()) {
                update(id, s -> s.with(State.CANCELLED, "cancelled", clock.instant()));
                return;
            }
            log.warn("Training job {} failed", id, e);
            fail(id, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        } finally {
            cancels.remove(id);
        }
    }

    private void fail(String id, String message, boolean userError) {
        update(
                id,
                s -> new Status(
                        s.id(),
                        State.FAILED,
                        s.submitted(),
                        s.started(),
                        clock.instant(),
                        "failed",
                        message,
                        userError,
                        null));
    }

    Status status(String id) {
        if (id == null || !JOB_ID.matcher(id).matches()) {
            throw OperationOutcomes.invalid("_jobId", String.valueOf(id), "the id from the Content-Location of $train");
        }
        Status status = jobs.get(id);
        if (status == null) {
            throw new ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException("No training job " + id);
        }
        return status;
    }

    /** Asks a job to stop; a queued job never starts, a running one stops at its next check and writes no model. */
    void cancel(String id) {
        Status status = status(id);
        AtomicBoolean flag = cancels.get(id);
        if (flag != null) {
            flag.set(true);
        }
        if (status.state() == State.QUEUED) {
            update(id, s -> s.with(State.CANCELLED, "cancelled", clock.instant()));
        }
    }

    private synchronized void update(String id, java.util.function.UnaryOperator<Status> change) {
        Status current = jobs.get(id);
        if (current == null || current.state().ended()) {
            return;
        }
        save(change.apply(current));
    }

    private void save(Status status) {
        jobs.put(status.id(), status);
        if (status.state() == State.RUNNING && status.started() != null && !"starting".equals(status.progress())) {
            return; // progress ticks stay in memory; state changes are written
        }
        try {
            Files.createDirectories(folder);
            Path tmp = folder.resolve(status.id() + ".json.tmp");
            JSON.writeValue(tmp.toFile(), status);
            Files.move(
                    tmp,
                    folder.resolve(status.id() + ".json"),
                    StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("Could not record the state of training job {}: {}", status.id(), e.getMessage());
        }
    }

    /** Jobs this node was running when it stopped did not finish: say so instead of forgetting them. */
    private void recoverAfterRestart() {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (var files = Files.list(folder)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                try {
                    Status s = JSON.readValue(p.toFile(), Status.class);
                    if (!s.state().ended()) {
                        s = new Status(
                                s.id(),
                                State.INTERRUPTED,
                                s.submitted(),
                                s.started(),
                                clock.instant(),
                                "interrupted",
                                "the server stopped while this job was "
                                        + s.state().name().toLowerCase(java.util.Locale.ROOT)
                                        + "; no model was written: start $train again",
                                false,
                                null);
                        save(s);
                    }
                    jobs.put(s.id(), s);
                } catch (IOException e) {
                    log.warn("Ignoring unreadable training job file {}: {}", p, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        cancels.values().forEach(c -> c.set(true));
        executor.shutdownNow();
    }
}
