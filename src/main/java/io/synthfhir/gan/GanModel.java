package io.synthfhir.gan;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A trained model: one self-describing zip file holding {@code manifest.json} ({@link ModelManifest}), {@code
 * encoding.json} (vocabulary, value normalisers, gap bins, visit types, event timings, demographic prior) and {@code
 * generator.dl4j} (the DL4J network, saved with ModelSerializer, without updater state). Immutable and safe to share
 * between threads; {@link #generator()} gives the {@link GanGenerator} that samples from it.
 */
public final class GanModel {
    static final String MANIFEST = "manifest.json";
    static final String ENCODING = "encoding.json";
    static final String WEIGHTS = "generator.dl4j";
    /** Where the default model sits on the classpath (built by the {@code train} command, see docs/gan.md). */
    public static final String BUNDLED = "/models/gan-default.zip";

    static final ObjectMapper JSON = new ObjectMapper();

    private final ModelManifest manifest;
    private final Encoding encoding;
    private final ComputationGraph graph;
    private final Layout layout;
    private final JavaNetwork network;

    GanModel(ModelManifest manifest, Encoding encoding, ComputationGraph graph) {
        this.manifest = manifest;
        this.encoding = encoding;
        this.graph = graph;
        this.layout = new Layout(encoding, manifest.hyperParameters().mixtures());
        checkShapes(layout, graph);
        this.network = new JavaNetwork(graph, layout.unitBlock);
    }

    public ModelManifest manifest() {
        return manifest;
    }

    /** The sampler over this model (cheap to create; the weights are shared). */
    public GanGenerator generator() {
        return new GanGenerator(this);
    }

    Encoding encoding() {
        return encoding;
    }

    Layout layout() {
        return layout;
    }

    JavaNetwork network() {
        return network;
    }

    ComputationGraph graph() {
        return graph;
    }

    /** Writes the model atomically: a temporary file beside the target, then a move over it. */
    public void write(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, target.getFileName().toString() + ".", ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(temp)) {
                write(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    void write(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        entry(zip, MANIFEST, manifest.toJson().getBytes(StandardCharsets.UTF_8));
        entry(zip, ENCODING, JSON.writeValueAsBytes(encoding));
        ByteArrayOutputStream weights = new ByteArrayOutputStream();
        ModelSerializer.writeModel(graph, weights, false);
        entry(zip, WEIGHTS, weights.toByteArray());
        zip.finish();
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }

    public static GanModel read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new ModelFormatException(file.toString(), "the file cannot be read (" + e + ")", e);
        }
    }

    public static GanModel read(InputStream in) {
        return read(in, "(stream)");
    }

    /** The model that ships inside the jar, or empty when this build has none. */
    public static Optional<GanModel> bundledDefault() {
        try (InputStream in = GanModel.class.getResourceAsStream(BUNDLED)) {
            return in == null ? Optional.empty() : Optional.of(read(in, "classpath:" + BUNDLED));
        } catch (IOException e) {
            throw new ModelFormatException("classpath:" + BUNDLED, "the bundled model cannot be read (" + e + ")", e);
        }
    }

    static GanModel read(InputStream in, String source) {
        Map<String, byte[]> entries = new HashMap<>();
        try {
            ZipInputStream zip = new ZipInputStream(in);
            for (ZipEntry e; (e = zip.getNextEntry()) != null; ) {
                entries.put(e.getName(), zip.readAllBytes());
            }
        } catch (IOException e) {
            throw new ModelFormatException(source, "not a readable zip file (" + e.getMessage() + ")", e);
        }
        for (String name : new String[] {MANIFEST, ENCODING, WEIGHTS}) {
            if (!entries.containsKey(name)) {
                throw new ModelFormatException(
                        source,
                        "entry " + name + " is missing (found " + entries.keySet()
                                + "): not a SynthFHIR model file, or a damaged one");
            }
        }
        ModelManifest manifest;
        try {
            manifest = ModelManifest.fromJson(new String(entries.get(MANIFEST), StandardCharsets.UTF_8));
        } catch (RuntimeException e) {
            throw new ModelFormatException(source, MANIFEST + " is corrupted (" + e.getMessage() + ")", e);
        }
        if (manifest.formatVersion() != ModelManifest.FORMAT_VERSION) {
            throw new ModelFormatException(
                    source,
                    "it has format version " + manifest.formatVersion() + "; this SynthFHIR reads format version "
                            + ModelManifest.FORMAT_VERSION + " (retrain the model or use a matching release)");
        }
        Encoding encoding;
        try {
            encoding = JSON.readValue(entries.get(ENCODING), Encoding.class);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(source, ENCODING + " is corrupted (" + e.getMessage() + ")", e);
        }
        ComputationGraph graph;
        try {
            graph = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(entries.get(WEIGHTS)), false);
        } catch (IOException | RuntimeException e) {
            throw new ModelFormatException(source, WEIGHTS + " is corrupted (" + e.getMessage() + ")", e);
        }
        try {
            return new GanModel(manifest, encoding, graph);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ModelFormatException(source, e.getMessage(), e);
        }
    }

    /** The network must fit the encoding: a file whose parts do not belong together is refused. */
    static void checkShapes(Layout layout, ComputationGraph graph) {
        Map<String, INDArray> p = graph.paramTable();
        check(p, GeneratorNetwork.EMBEDDING + "_W", 0, layout.histSize);
        check(p, GeneratorNetwork.HEAD_A + "_W", 1, layout.headASize);
        check(p, GeneratorNetwork.HEAD_B + "_W", 1, layout.headBSize);
        long hidden = p.get(GeneratorNetwork.LSTM_LAYER + "_RW").size(0);
        check(p, GeneratorNetwork.MIX + "_W", 0, hidden + layout.ctxSize);
    }

    private static void check(Map<String, INDArray> p, String name, int dim, long expected) {
        INDArray a = p.get(name);
        if (a == null) {
            throw new IllegalStateException("the network has no parameter " + name);
        }
        if (a.size(dim) != expected) {
            throw new IllegalStateException("the network's " + name + " has " + a.size(dim) + " "
                    + (dim == 0 ? "inputs" : "outputs") + " where the encoding needs " + expected);
        }
    }
}
