package io.synthfhir.gan;

import io.synthfhir.model.Code;
import java.util.Objects;

/**
 * One learned event type: a coded concept of one kind, with what the decoder needs to rebuild the event.
 *
 * @param kind what the event is
 * @param code the concept (condition, medication, ... or observation code)
 * @param value the value code of a {@link TokenKind#CODED coded observation}, else null
 * @param category the most frequent category in training: an ObservationCategory, ConditionCategory or
 *     AllergyCategory name, else null
 */
record Token(TokenKind kind, Code code, Code value, String category) {

    Token {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(code, "code");
    }

    String key() {
        return key(kind, code, value);
    }

    static String key(TokenKind kind, Code code, Code value) {
        return kind.prefix() + "|" + code.key() + (value == null ? "" : "|" + value.key());
    }
}
