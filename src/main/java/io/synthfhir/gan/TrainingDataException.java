package io.synthfhir.gan;

/**
 * The training records cannot train a model: too few patients, or too little in common between them. Nothing is
 * written when training fails this way; the message says what was found and what is needed.
 */
public class TrainingDataException extends IllegalArgumentException {
    public TrainingDataException(String message) {
        super(message);
    }
}
