package io.synthfhir.gan;

/** Receives training progress, once per epoch and at the end; called on the training thread. */
@FunctionalInterface
public interface TrainingListener {
    TrainingListener NONE = p -> {};

    void progress(TrainingProgress progress);
}
