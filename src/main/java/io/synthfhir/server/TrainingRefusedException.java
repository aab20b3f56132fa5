package io.synthfhir.server;

/**
 * Training cannot go ahead for a reason the caller can act on (too few real patients, nothing left to learn after the
 * k threshold): the job fails with this message and answers 422, and the current model stays.
 */
class TrainingRefusedException extends RuntimeException {
    TrainingRefusedException(String message) {
        super(message);
    }
}
