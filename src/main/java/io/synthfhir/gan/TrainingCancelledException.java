package io.synthfhir.gan;

/** Training stopped because the caller cancelled it; no model exists and nothing was written. */
public class TrainingCancelledException extends RuntimeException {
    public TrainingCancelledException(String message) {
        super(message);
    }
}
