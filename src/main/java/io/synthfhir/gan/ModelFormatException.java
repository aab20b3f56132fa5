package io.synthfhir.gan;

/**
 * A model file that cannot be used: unreadable, corrupted, or written in a format or for a layout this build does
 * not read. The message names the file and the reason.
 */
public class ModelFormatException extends RuntimeException {
    private final String source;
    private final String reason;

    public ModelFormatException(String source, String reason) {
        this(source, reason, null);
    }

    public ModelFormatException(String source, String reason, Throwable cause) {
        super("cannot use model file " + source + ": " + reason, cause);
        this.source = source;
        this.reason = reason;
    }

    /** The file (or stream description) that was read. */
    public String source() {
        return source;
    }

    public String reason() {
        return reason;
    }
}
