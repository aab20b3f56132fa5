package io.synthfhir.server;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a caller may be allowed to do beyond generating synthetic data into a returned Bundle, each a scope a token can
 * grant. A token's scope is our own name ({@code train}, {@code evaluate}, {@code persist}, {@code purge}), {@code *}
 * (everything), or a SMART on FHIR system scope over every resource type: v1 {@code system/*.read},
 * {@code system/*.write}, {@code system/*.*}, or v2 {@code system/*.} followed by letters of {@code cruds}. Only
 * {@code system/*} scopes count: the operations read or write the whole server, not one patient's or one user's
 * records, and there is no user context here to narrow a {@code patient/} or {@code user/} scope to.
 */
enum Permission {
    /**
     * Learn a model from the server's real records ({@code $train}, its status). No SMART scope grants it: besides
     * reading every record, it changes the model the server serves.
     */
    TRAIN(false, false, null),
    /** Compare against the server's real records ({@code $evaluate}): SMART read and search. */
    EVALUATE(true, false, "rs"),
    /** Write generated data into this server ({@code $synthesize persist=true}): SMART write, or create. */
    PERSIST(false, true, "c"),
    /** Delete synthetic data from this server ({@code $purge-synthetic}): SMART write, or delete. */
    PURGE(false, true, "d");

    /** A SMART scope over every resource type at system level, v1 ({@code read|write|*}) or v2 (letters). */
    private static final Pattern SMART_ALL = Pattern.compile("system/\\*\\.(read|write|\\*|c?r?u?d?s?)");

    private static final Pattern SMART = Pattern.compile("(system|user|patient)/[A-Za-z*]+\\.[A-Za-z*]+(\\?.*)?");

    private final boolean byV1Read;
    private final boolean byV1Write;
    /** The SMART v2 letters that together grant this permission; null when no SMART scope does. */
    private final String v2Letters;

    Permission(boolean byV1Read, boolean byV1Write, String v2Letters) {
        this.byV1Read = byV1Read;
        this.byV1Write = byV1Write;
        this.v2Letters = v2Letters;
    }

    /** Our own name of the scope, as tokens are configured and errors say. */
    String scope() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The scopes that grant this permission, for error messages: {@code 'persist' scope (or system/*.write, ...)}. */
    String describe() {
        if (v2Letters == null) {
            return "'" + scope() + "' scope";
        }
        return "'" + scope() + "' scope (or the SMART scope " + (byV1Read ? "system/*.read" : "system/*.write")
                + " or system/*." + v2Letters + ")";
    }

    boolean grantedBy(String scope) {
        if (scope.equals("*") || scope.equals(scope())) {
            return true;
        }
        Matcher m = SMART_ALL.matcher(scope);
        if (v2Letters == null || !m.matches()) {
            return false;
        }
        return switch (m.group(1)) {
            case "*" -> true;
            case "read" -> byV1Read;
            case "write" -> byV1Write;
            default -> v2Letters.chars().allMatch(c -> m.group(1).indexOf(c) >= 0);
        };
    }

    /**
     * Checks a configured scope: one that grants nothing here (a typo, a patient-level SMART scope) stops the server
     * rather than leaving a token that silently cannot do what its owner expects.
     *
     * @throws IllegalArgumentException naming the scope and what is accepted
     */
    static void checkConfigured(String scope) {
        for (Permission p : values()) {
            if (p.grantedBy(scope)) {
                return;
            }
        }
        String why = SMART.matcher(scope).matches()
                ? "a SMART scope counts here only as system/*.read, system/*.write, system/*.* or system/*.<cruds>:"
                        + " the operations read or write every resource type of the whole server"
                : "not a scope this server knows";
        throw new IllegalArgumentException("synthfhir.access.tokens[].scopes: '" + scope + "' grants nothing (" + why
                + "); accepted: train, evaluate, persist, purge, *, system/*.read, system/*.write, system/*.*,"
                + " system/*.<letters of cruds>");
    }
}
