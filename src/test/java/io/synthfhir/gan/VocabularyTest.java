package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VocabularyTest {
    private static final Code RARE = Code.snomed("1001", "Rare disorder");
    private static final Code COMMON = Code.snomed("1002", "Common disorder");
    private static final Code SODIUM = Code.loinc("2947-0", "Sodium");
    private static final Code POTASSIUM = Code.loinc("6298-4", "Potassium");

    private static String condition(Code c) {
        return Token.key(TokenKind.CONDITION, c, null);
    }

    private static String lab(Code c) {
        return Token.key(TokenKind.QUANTITY, c, null);
    }

    /** Ten patients with two visits each; the rare code in the first {@code rareHolders}, twice each. */
    private static VocabularyBuilder cohort(int rareHolders) {
        VocabularyBuilder b = new VocabularyBuilder();
        for (int p = 0; p < 10; p++) {
            List<Set<String>> visits = new ArrayList<>();
            List<Token> tokens = new ArrayList<>();
            tokens.add(new Token(TokenKind.CONDITION, COMMON, null, "ENCOUNTER_DIAGNOSIS"));
            tokens.add(new Token(TokenKind.QUANTITY, SODIUM, null, "LABORATORY"));
            tokens.add(new Token(TokenKind.QUANTITY, POTASSIUM, null, "LABORATORY"));
            visits.add(Set.of(condition(COMMON), lab(SODIUM), lab(POTASSIUM)));
            if (p < rareHolders) {
                tokens.add(new Token(TokenKind.CONDITION, RARE, null, "ENCOUNTER_DIAGNOSIS"));
                visits.add(Set.of(condition(RARE), lab(SODIUM), lab(POTASSIUM)));
                visits.add(Set.of(condition(RARE)));
            } else {
                visits.add(Set.of(lab(SODIUM), lab(POTASSIUM)));
            }
            b.addPatient(visits, tokens);
        }
        return b;
    }

    @Test
    void codeHeldByFourPatientsIsNotLearnedAtKFive() {
        VocabularyBuilder builder = cohort(4);

        Vocabulary v = builder.build(5);

        assertThat(builder.patientsHolding(condition(RARE))).isEqualTo(4);
        assertThat(v.indexOf(condition(RARE))).isEqualTo(-1);
        assertThat(v.indexOf(condition(COMMON))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void codeHeldByFivePatientsIsLearnedAtKFive() {
        Vocabulary v = cohort(5).build(5);

        assertThat(v.indexOf(condition(RARE))).isGreaterThanOrEqualTo(0);
    }

    @Test
    void codesAlwaysRecordedTogetherBecomeOneUnitAndDecodeBackWhole() {
        Vocabulary v = cohort(0).build(5);

        assertThat(v.groups()).hasSize(1);
        int[] both = v.encode(Set.of(lab(SODIUM), lab(POTASSIUM)));
        assertThat(both).hasSize(1);
        assertThat(both[0]).isGreaterThanOrEqualTo(v.tokenCount());
        assertThat(v.members(both[0])).containsExactlyInAnyOrder(v.indexOf(lab(SODIUM)), v.indexOf(lab(POTASSIUM)));
    }

    @Test
    void visitWithPartOfAGroupIsEncodedWithSingleUnits() {
        Vocabulary v = cohort(0).build(5);

        int[] one = v.encode(Set.of(lab(SODIUM), condition(COMMON), "C|unknown|0"));

        assertThat(one).containsExactly(v.indexOf(condition(COMMON)), v.indexOf(lab(SODIUM)));
    }
}
