package io.synthfhir.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PermissionTest {

    @Test
    void ourOwnScopeNamesGrantExactlyTheirPermissionAndStarGrantsAll() {
        for (Permission p : Permission.values()) {
            assertThat(p.grantedBy(p.scope())).isTrue();
            assertThat(p.grantedBy("*")).isTrue();
            for (Permission other : Permission.values()) {
                if (other != p) {
                    assertThat(p.grantedBy(other.scope()))
                            .as(p + " by " + other)
                            .isFalse();
                }
            }
        }
    }

    @Test
    void smartSystemScopesGrantReadingWritingAndDeletingButNeverTraining() {
        assertThat(Permission.EVALUATE.grantedBy("system/*.read")).isTrue();
        assertThat(Permission.EVALUATE.grantedBy("system/*.rs")).isTrue();
        assertThat(Permission.EVALUATE.grantedBy("system/*.r"))
                .as("search is needed too")
                .isFalse();
        assertThat(Permission.EVALUATE.grantedBy("system/*.write")).isFalse();
        assertThat(Permission.PERSIST.grantedBy("system/*.write")).isTrue();
        assertThat(Permission.PERSIST.grantedBy("system/*.c")).isTrue();
        assertThat(Permission.PERSIST.grantedBy("system/*.rs")).isFalse();
        assertThat(Permission.PURGE.grantedBy("system/*.write")).isTrue();
        assertThat(Permission.PURGE.grantedBy("system/*.cruds")).isTrue();
        assertThat(Permission.PURGE.grantedBy("system/*.c")).isFalse();
        assertThat(Permission.TRAIN.grantedBy("system/*.*")).isFalse();
        assertThat(Permission.TRAIN.grantedBy("system/*.cruds")).isFalse();
        assertThat(List.of(Permission.EVALUATE, Permission.PERSIST, Permission.PURGE))
                .allMatch(p -> p.grantedBy("system/*.*"));
    }

    @Test
    void patientUserAndSingleTypeScopesGrantNothingHere() {
        for (String scope : List.of("patient/*.read", "user/*.write", "system/Patient.rs", "system/*.", "TRAIN")) {
            assertThat(Permission.values()).as(scope).noneMatch(p -> p.grantedBy(scope));
        }
    }

    @Test
    void aConfiguredTokenWithAScopeThatGrantsNothingStopsTheServerNamingIt() {
        assertThatThrownBy(() -> new SynthFhirProperties.Token("0123456789abcdef", List.of("train", "patient/*.read")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'patient/*.read' grants nothing")
                .hasMessageContaining("system/*.read");
        assertThatThrownBy(() -> new SynthFhirProperties.Token("0123456789abcdef", List.of("trian")))
                .hasMessageContaining("'trian'")
                .hasMessageContaining("not a scope this server knows");
        assertThatThrownBy(() -> new SynthFhirProperties.Token("0123456789abcdef", List.of()))
                .hasMessageContaining("at least one scope");
        assertThat(new SynthFhirProperties.Token("0123456789abcdef", List.of(" system/*.write ")).scopes())
                .containsExactly("system/*.write");
    }

    @Test
    void errorTextsNameTheScopeAndItsSmartEquivalents() {
        assertThat(Permission.TRAIN.describe()).isEqualTo("'train' scope");
        assertThat(Permission.PERSIST.describe()).contains("'persist' scope", "system/*.write", "system/*.c");
        assertThat(Permission.EVALUATE.describe()).contains("system/*.read", "system/*.rs");
    }
}
