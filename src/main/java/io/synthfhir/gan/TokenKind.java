package io.synthfhir.gan;

/**
 * What a learned token stands for, which decides how the decoder turns it back into a domain event. One letter each,
 * used as the prefix of a token's key so that the same code as a condition and as a procedure stay two tokens.
 */
enum TokenKind {
    CONDITION('C'),
    MEDICATION('M'),
    PROCEDURE('P'),
    IMMUNIZATION('I'),
    ALLERGY('A'),
    /** An observation with a numeric value: one value channel. */
    QUANTITY('Q'),
    /** An observation with a coded value: the token is the pair (observation code, value code). */
    CODED('K'),
    /** A multi-part observation (blood pressure): one value channel per component. */
    PANEL('B'),
    /** An observation recorded without a value. */
    OBSERVATION('O');

    private final char prefix;

    TokenKind(char prefix) {
        this.prefix = prefix;
    }

    char prefix() {
        return prefix;
    }

    boolean isObservation() {
        return this == QUANTITY || this == CODED || this == PANEL || this == OBSERVATION;
    }
}
