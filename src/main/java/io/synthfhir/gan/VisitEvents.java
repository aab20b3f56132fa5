package io.synthfhir.gan;

import io.synthfhir.model.Allergy;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Immunization;
import io.synthfhir.model.Medication;
import io.synthfhir.model.Observation;
import io.synthfhir.model.ObservationComponent;
import io.synthfhir.model.Procedure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learnable content of one encounter: the set of token keys it holds and the numeric values of its observations
 * by value channel. A token counts once per visit (a visit is a set, as in HALO); of repeated measurements the first
 * value is kept.
 */
record VisitEvents(Set<String> tokens, Map<String, Double> values, Map<String, String> units) {

    /** A channel is an observation's value ({@code tokenKey}) or one component of a panel ({@code tokenKey#code}). */
    static String channelKey(String tokenKey, Code component) {
        return component == null ? tokenKey : tokenKey + "#" + component.key();
    }

    static VisitEvents of(Encounter e) {
        Set<String> tokens = new LinkedHashSet<>();
        Map<String, Double> values = new LinkedHashMap<>();
        Map<String, String> units = new LinkedHashMap<>();
        for (Condition c : e.conditions()) {
            tokens.add(Token.key(TokenKind.CONDITION, c.code(), null));
        }
        for (Medication m : e.medications()) {
            tokens.add(Token.key(TokenKind.MEDICATION, m.code(), null));
        }
        for (Procedure p : e.procedures()) {
            tokens.add(Token.key(TokenKind.PROCEDURE, p.code(), null));
        }
        for (Immunization i : e.immunizations()) {
            tokens.add(Token.key(TokenKind.IMMUNIZATION, i.code(), null));
        }
        for (Allergy a : e.allergies()) {
            tokens.add(Token.key(TokenKind.ALLERGY, a.code(), null));
        }
        for (Observation o : e.observations()) {
            String key = observationKey(o);
            tokens.add(key);
            if (o.quantity() != null) {
                values.putIfAbsent(key, o.quantity().value());
                units.putIfAbsent(key, o.quantity().unit());
            }
            for (ObservationComponent c : o.components()) {
                if (c.value() != null) {
                    String channel = channelKey(key, c.code());
                    values.putIfAbsent(channel, c.value().value());
                    units.putIfAbsent(channel, c.value().unit());
                }
            }
        }
        return new VisitEvents(tokens, values, units);
    }

    static TokenKind observationKind(Observation o) {
        if (o.quantity() != null) {
            return TokenKind.QUANTITY;
        }
        if (o.codedValue() != null) {
            return TokenKind.CODED;
        }
        return o.components().isEmpty() ? TokenKind.OBSERVATION : TokenKind.PANEL;
    }

    static String observationKey(Observation o) {
        TokenKind kind = observationKind(o);
        return Token.key(kind, o.code(), kind == TokenKind.CODED ? o.codedValue() : null);
    }

    /** Every token of the encounter with the code objects behind it, for building a vocabulary. */
    static List<Token> tokensOf(Encounter e) {
        List<Token> out = new ArrayList<>();
        e.conditions()
                .forEach(c -> out.add(new Token(
                        TokenKind.CONDITION, c.code(), null, c.category().name())));
        e.medications().forEach(m -> out.add(new Token(TokenKind.MEDICATION, m.code(), null, null)));
        e.procedures().forEach(p -> out.add(new Token(TokenKind.PROCEDURE, p.code(), null, null)));
        e.immunizations().forEach(i -> out.add(new Token(TokenKind.IMMUNIZATION, i.code(), null, null)));
        e.allergies()
                .forEach(a -> out.add(new Token(
                        TokenKind.ALLERGY,
                        a.code(),
                        null,
                        a.category() == null ? null : a.category().name())));
        for (Observation o : e.observations()) {
            TokenKind kind = observationKind(o);
            out.add(new Token(
                    kind,
                    o.code(),
                    kind == TokenKind.CODED ? o.codedValue() : null,
                    o.category().name()));
        }
        return out;
    }
}
