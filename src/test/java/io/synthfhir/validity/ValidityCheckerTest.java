package io.synthfhir.validity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthfhir.eval.validity.InvariantCheck;
import io.synthfhir.model.PatientRecord;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ValidityCheckerTest {
    static final ValidityChecker CHECKER = ValidityChecker.standard();

    static List<String> ids(List<Violation> violations) {
        return violations.stream().map(Violation::invariant).toList();
    }

    @Test
    void standardCheckerHasEveryInvariantOnceWithDescriptionAndFields() {
        assertThat(CHECKER.invariants())
                .extracting(Invariant::id)
                .containsExactly(
                        "event-before-birth",
                        "event-after-death",
                        "end-before-start",
                        "event-outside-encounter",
                        "sex-specific-event",
                        "complication-without-cause",
                        "unexpected-code-system",
                        "unit-not-ucum",
                        "value-outside-limits",
                        "systolic-not-above-diastolic",
                        "lab-without-range",
                        "interpretation-inconsistent",
                        "medication-without-indication");
        assertThat(CHECKER.invariants()).allSatisfy(i -> {
            assertThat(i.description()).isNotBlank();
            assertThat(i.fields()).isNotEmpty();
        });
    }

    @Test
    void validFixtureBreaksNoInvariant() {
        assertThat(CHECKER.check(Fixtures.valid())).isEmpty();
    }

    @Test
    void invariantCheckSeamListsOneIdPerViolation() {
        PatientRecord twoBad = Fixtures.validWith(b -> {
            b.medications.add(Fixtures.medication(Fixtures.METFORMIN, null, 16));
            b.medications.add(Fixtures.medication(Fixtures.METFORMIN, null, 17));
        });
        InvariantCheck seam = CHECKER.asInvariantCheck();
        assertThat(seam.violatedInvariants(twoBad))
                .containsExactly("medication-without-indication", "medication-without-indication");
        assertThat(seam.violatedInvariants(Fixtures.valid())).isEmpty();
    }

    @Test
    void onlyKeepsTheNamedInvariantsAndRejectsUnknownIds() {
        ValidityChecker one = CHECKER.only(Set.of("event-before-birth"));
        assertThat(one.invariants()).extracting(Invariant::id).containsExactly("event-before-birth");
        assertThatThrownBy(() -> CHECKER.only(Set.of("no-such-rule")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-rule")
                .hasMessageContaining("event-before-birth");
    }

    @Test
    void invariantIdsMustBeUnique() {
        Invariant first = CHECKER.invariants().get(0);
        assertThatThrownBy(() -> ValidityChecker.of(List.of(first, first)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(first.id());
    }

    @Test
    void violationNamesPlaceFieldAndValue() {
        PatientRecord r = Fixtures.validWith(b -> b.medications.add(Fixtures.medication(Fixtures.METFORMIN, null, 16)));
        Violation v = CHECKER.check(r).get(0);
        assertThat(v.where()).isEqualTo(Where.event(0, EventKind.MEDICATION, 1, Fixtures.METFORMIN));
        assertThat(v.field()).isEqualTo("Medication.reason");
        assertThat(v.value()).isEqualTo("missing");
        assertThat(v.toString()).contains("encounter[0].medication[1]", "860975", "indication");
    }
}
