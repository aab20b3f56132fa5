package io.synthfhir.engine;

/** A module that failed while a person ran through it: names the module file and the state, with the cause. */
public class ModuleRunException extends RuntimeException {
    ModuleRunException(String module, String state, RuntimeException cause) {
        super(module + ".json: state '" + state + "': " + describe(cause), cause);
    }

    private static String describe(Throwable e) {
        return e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
