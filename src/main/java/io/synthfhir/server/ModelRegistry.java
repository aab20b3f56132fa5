package io.synthfhir.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.synthfhir.gan.GanModel;
import io.synthfhir.gan.ModelFormatException;
import io.synthfhir.privacy.PrivacyGate;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The learned models this server knows and the one that serves {@code mode=gan} and {@code mode=hybrid}.
 *
 * <p>Models live in the models folder ({@code synthfhir.data-folder/models}) as {@code <model id>.zip}, each beside a
 * {@code <model id>.gate.json} with the privacy gate's verdict. The active model is the newest one whose verdict is
 * a pass; without one, the default model inside the jar (trained on the public Synthea corpus, see docs/gan.md). A
 * model file that cannot be read is skipped with a warning that says why — the server still starts, and rules mode
 * is unaffected. The folder is looked at again every minute, so several nodes sharing it activate the same model.
 */
@Component
class ModelRegistry {
    private static final Logger log = LoggerFactory.getLogger(ModelRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    static final String MODEL_SUFFIX = ".zip";
    static final String GATE_SUFFIX = ".gate.json";

    /** The gate's verdict on a model, as stored beside it. */
    record GateRecord(String modelId, boolean passed, List<String> reasons, java.util.Map<String, Double> figures) {
        static GateRecord of(String modelId, PrivacyGate.Audit audit) {
            return new GateRecord(modelId, audit.passed(), audit.reasons(), audit.figures());
        }
    }

    /** The serving model and where it came from ({@code bundled} or its file). */
    record Active(GanModel model, String source) {
        String id() {
            return model.manifest().modelId();
        }
    }

    private final Path folder;
    private final boolean bundledFallback;
    private volatile Active active;
    private volatile List<String> lastScan = List.of();
    private final ScheduledExecutorService rescans;

    ModelRegistry(SynthFhirProperties properties) {
        this.folder = properties.modelsFolder();
        this.bundledFallback = properties.models().useBundled();
        rescan();
        this.rescans = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "synthfhir-model-rescan");
            t.setDaemon(true);
            return t;
        });
        long every = properties.models().rescanSeconds();
        if (every > 0) {
            rescans.scheduleWithFixedDelay(this::rescanQuietly, every, every, TimeUnit.SECONDS);
        }
    }

    Optional<Active> active() {
        return Optional.ofNullable(active);
    }

    /**
     * Stores a newly trained model with the gate's verdict; activates it when the verdict is a pass. The model file is
     * written whole before the verdict, and the verdict before activation, so no node can serve a half-written or
     * unaudited model.
     */
    synchronized Path store(GanModel model, PrivacyGate.Audit audit) throws IOException {
        String id = model.manifest().modelId();
        Path file = folder.resolve(id + MODEL_SUFFIX);
        model.write(file);
        writeGate(GateRecord.of(id, audit));
        if (audit.passed()) {
            active = new Active(model, file.toString());
            log.info("Activated model {} from {}", id, file);
        } else {
            log.warn("Model {} failed the privacy gate and is kept but not served: {}", id, audit.reasons());
        }
        lastScan = listing();
        return file;
    }

    private void writeGate(GateRecord gate) throws IOException {
        Files.createDirectories(folder);
        Path target = folder.resolve(gate.modelId() + GATE_SUFFIX);
        Path tmp = folder.resolve(gate.modelId() + GATE_SUFFIX + ".tmp");
        JSON.writeValue(tmp.toFile(), gate);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void rescanQuietly() {
        try {
            if (!listing().equals(lastScan)) {
                rescan();
            }
        } catch (RuntimeException e) {
            log.warn("Could not look at the models folder {}: {}", folder, e.getMessage());
        }
    }

    /** Activates the newest readable model that passed the gate, else the bundled one, else none. */
    synchronized void rescan() {
        lastScan = listing();
        for (Path file : candidates()) {
            String current = active == null ? null : active.source();
            if (file.toString().equals(current)) {
                return;
            }
            try {
                GanModel model = GanModel.read(file);
                active = new Active(model, file.toString());
                log.info(
                        "Serving mode=gan and mode=hybrid with model {} from {}",
                        model.manifest().modelId(),
                        file);
                return;
            } catch (ModelFormatException e) {
                log.warn("Skipping model file {}: {}", file, e.getMessage());
            }
        }
        if (active != null && !"bundled".equals(active.source())) {
            return; // the serving model's file was removed: keep serving it until a better one appears
        }
        if (active == null && bundledFallback) {
            try {
                active = GanModel.bundledDefault()
                        .map(m -> new Active(m, "bundled"))
                        .orElse(null);
                if (active != null) {
                    log.info("Serving mode=gan and mode=hybrid with the bundled model {}", active.id());
                }
            } catch (ModelFormatException e) {
                log.warn(
                        "The bundled model cannot be used: {}; mode=gan and mode=hybrid are off until $train",
                        e.getMessage());
            }
        }
        if (active == null) {
            log.info("No learned model is available: mode=gan and mode=hybrid answer an error until $train succeeds");
        }
    }

    /** Model files with a passing verdict, newest first (by file time, then name). */
    private List<Path> candidates() {
        List<Path> out = new ArrayList<>();
        for (String name : lastScan) {
            if (!name.endsWith(MODEL_SUFFIX)) {
                continue;
            }
            String id = name.substring(0, name.length() - MODEL_SUFFIX.length());
            Path gate = folder.resolve(id + GATE_SUFFIX);
            try {
                if (Files.isRegularFile(gate)
                        && JSON.readValue(gate.toFile(), GateRecord.class).passed()) {
                    out.add(folder.resolve(name));
                }
            } catch (IOException e) {
                log.warn("Skipping model {}: its gate verdict {} cannot be read ({})", id, gate, e.getMessage());
            }
        }
        out.sort(Comparator.comparing((Path p) -> {
                    try {
                        return Files.getLastModifiedTime(p).toMillis();
                    } catch (IOException e) {
                        return 0L;
                    }
                })
                .thenComparing(Path::toString)
                .reversed());
        return out;
    }

    private List<String> listing() {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(MODEL_SUFFIX) || n.endsWith(GATE_SUFFIX))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @PreDestroy
    void stop() {
        rescans.shutdownNow();
    }
}
