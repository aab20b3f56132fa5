package io.synthfhir.gan;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The learned tokens and the model's output units over them. Units {@code 0..tokens-1} are single tokens; the units
 * after them are <em>groups</em>: tokens that training visits almost always hold together (a lab panel's results, the
 * vital signs of a check-up). A visit holding every member of a group is encoded as the group's unit alone, so that
 * the model emits a panel whole instead of drawing each result independently — the within-visit co-occurrence a
 * per-unit Bernoulli output cannot represent. The encoding is lossless: a visit with only some members of a group is
 * encoded with single units.
 */
final class Vocabulary {
    private final List<Token> tokens;
    private final List<int[]> groups;
    private final Map<String, Integer> index = new HashMap<>();

    @JsonCreator
    Vocabulary(@JsonProperty("tokens") List<Token> tokens, @JsonProperty("groups") List<int[]> groups) {
        this.tokens = List.copyOf(tokens);
        this.groups = groups.stream().map(int[]::clone).toList();
        for (int i = 0; i < this.tokens.size(); i++) {
            if (index.put(this.tokens.get(i).key(), i) != null) {
                throw new IllegalArgumentException(
                        "token " + this.tokens.get(i).key() + " appears twice in the vocabulary");
            }
        }
        for (int[] g : this.groups) {
            for (int member : g) {
                if (member < 0 || member >= this.tokens.size()) {
                    throw new IllegalArgumentException("group member " + member + " is not a token index");
                }
            }
        }
    }

    @JsonProperty("tokens")
    List<Token> tokens() {
        return tokens;
    }

    @JsonProperty("groups")
    List<int[]> groups() {
        return groups;
    }

    int tokenCount() {
        return tokens.size();
    }

    /** Output units: single tokens, then groups. */
    int unitCount() {
        return tokens.size() + groups.size();
    }

    Token token(int id) {
        return tokens.get(id);
    }

    /** The token's index, or -1 when the key was never learned. */
    int indexOf(String tokenKey) {
        Integer i = index.get(tokenKey);
        return i == null ? -1 : i;
    }

    /** The tokens a unit stands for: itself, or the members of its group. */
    int[] members(int unit) {
        return unit < tokens.size()
                ? new int[] {unit}
                : groups.get(unit - tokens.size()).clone();
    }

    /** The units of a visit holding these token keys (unknown keys ignored), in increasing order. */
    int[] encode(Set<String> tokenKeys) {
        BitSet present = new BitSet(tokens.size());
        for (String key : tokenKeys) {
            int i = indexOf(key);
            if (i >= 0) {
                present.set(i);
            }
        }
        List<Integer> units = new ArrayList<>();
        BitSet covered = new BitSet(tokens.size());
        for (int g = 0; g < groups.size(); g++) {
            int[] members = groups.get(g);
            if (Arrays.stream(members).allMatch(present::get)) {
                units.add(tokens.size() + g);
                Arrays.stream(members).forEach(covered::set);
            }
        }
        present.andNot(covered);
        present.stream().forEach(units::add);
        return units.stream().mapToInt(Integer::intValue).sorted().toArray();
    }
}
