package io.synthfhir.eval;

import io.synthfhir.model.PatientRecord;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * A reproducible split of real patients into training and held-out sets, decided per patient by a salted hash of its
 * key ({@link PatientRecord#id()}) rather than by position. Training, the privacy gate and {@code $evaluate} all
 * recompute the same split from (salt, share) alone, so a model's manifest needs to store only those two numbers and
 * never a list of real patients.
 *
 * @param salt mixes into every patient's hash; a model records the salt its training used
 * @param heldOutShare the expected share of patients held out, in [0, 1)
 */
public record CohortSplit(long salt, double heldOutShare) {

    public CohortSplit {
        if (!(heldOutShare >= 0 && heldOutShare < 1)) {
            throw new IllegalArgumentException("held-out share must be in [0, 1), was " + heldOutShare);
        }
    }

    /** Both parts of a split, each in the input order. */
    public record Parts(List<PatientRecord> training, List<PatientRecord> heldOut) {
        public Parts {
            training = List.copyOf(training);
            heldOut = List.copyOf(heldOut);
        }
    }

    public boolean isHeldOut(String patientKey) {
        return uniform(patientKey) < heldOutShare;
    }

    public Parts apply(List<PatientRecord> records) {
        List<PatientRecord> training = new ArrayList<>();
        List<PatientRecord> heldOut = new ArrayList<>();
        for (PatientRecord r : records) {
            (isHeldOut(r.id()) ? heldOut : training).add(r);
        }
        return new Parts(training, heldOut);
    }

    /** A number in [0, 1) from the first 53 bits of SHA-256(salt, key): the same on every machine and JVM. */
    double uniform(String patientKey) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(Long.toString(salt).getBytes(StandardCharsets.UTF_8));
            sha.update((byte) 0);
            sha.update(patientKey.getBytes(StandardCharsets.UTF_8));
            byte[] d = sha.digest();
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (d[i] & 0xFF);
            }
            return (bits >>> 3) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
