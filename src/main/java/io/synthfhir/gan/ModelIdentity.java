package io.synthfhir.gan;

import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.TreeSet;
import org.deeplearning4j.nn.graph.ComputationGraph;

/** The model id (a hash of what the model is) and the data hash (a hash of what it learned from). */
final class ModelIdentity {
    private ModelIdentity() {}

    /** {@code gan-} and 12 hex digits of SHA-256 over the encoding JSON, the network configuration and its weights. */
    static String modelId(Encoding encoding, ComputationGraph graph) {
        MessageDigest sha = sha256();
        try {
            sha.update(GanModel.JSON.writeValueAsBytes(encoding));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("the encoding cannot be written as JSON", e);
        }
        sha.update(graph.getConfiguration().toJson().getBytes(StandardCharsets.UTF_8));
        float[] params = graph.params().toFloatVector();
        ByteBuffer buffer = ByteBuffer.allocate(params.length * 4);
        buffer.asFloatBuffer().put(params);
        sha.update(buffer.array());
        return "gan-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }

    /**
     * SHA-256 over the records' canonical content (demographics, encounter times and types, the code and value of
     * every event), independent of record order and of the file format they were read from.
     */
    static String dataHash(List<PatientRecord> records) {
        TreeSet<String> digests = new TreeSet<>();
        for (PatientRecord r : records) {
            MessageDigest sha = sha256();
            update(
                    sha,
                    r.id() + "|" + r.demographics().sex() + "|"
                            + r.demographics().birthDate() + "|" + r.deathTime());
            for (Encounter e : r.encounters()) {
                update(sha, e.encounterClass() + "|" + e.type().key() + "|" + e.start() + "|" + e.end());
                List<String> events = new ArrayList<>();
                e.conditions().forEach(c -> events.add("C" + c.code().key() + c.onset() + c.abatement()));
                e.medications().forEach(m -> events.add("M" + m.code().key() + m.authoredOn() + m.end()));
                e.procedures().forEach(p -> events.add("P" + p.code().key() + p.start()));
                e.immunizations().forEach(i -> events.add("I" + i.code().key() + i.date()));
                e.allergies().forEach(a -> events.add("A" + a.code().key() + a.onset()));
                e.observations()
                        .forEach(o -> events.add(
                                "O" + o.code().key() + o.effective() + o.quantity() + o.codedValue() + o.components()));
                events.sort(String::compareTo);
                events.forEach(x -> update(sha, x));
            }
            digests.add(HexFormat.of().formatHex(sha.digest()));
        }
        MessageDigest all = sha256();
        digests.forEach(d -> update(all, d));
        return HexFormat.of().formatHex(all.digest());
    }

    private static void update(MessageDigest sha, String s) {
        sha.update(s.getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
