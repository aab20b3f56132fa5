package io.synthfhir.validity;

import static io.synthfhir.validity.ValidityCheckerTest.CHECKER;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.PatientRecord;
import org.junit.jupiter.api.Test;

class IndicationsTest {

    @Test
    void medicationWithoutReasonIsReported() {
        PatientRecord r = Fixtures.validWith(b -> b.medications.add(Fixtures.medication(Fixtures.METFORMIN, null, 16)));
        assertThat(CHECKER.check(r)).singleElement().satisfies(v -> {
            assertThat(v.invariant()).isEqualTo("medication-without-indication");
            assertThat(v.value()).isEqualTo("missing");
        });
    }

    @Test
    void reasonMustBeAConditionDiagnosedByTheOrder() {
        PatientRecord neverDiagnosed = Fixtures.validWith(
                b -> b.medications.add(Fixtures.medication(Fixtures.METFORMIN, Fixtures.DIABETES, 16)));
        assertThat(CHECKER.check(neverDiagnosed)).singleElement().satisfies(v -> assertThat(v.what())
                .contains("not a condition diagnosed by"));
        PatientRecord diagnosedAfter = Fixtures.validWith(b -> {
            b.medications.add(Fixtures.medication(Fixtures.METFORMIN, Fixtures.DIABETES, 16));
            b.conditions.add(Fixtures.condition(Fixtures.DIABETES, 17));
        });
        assertThat(CHECKER.check(diagnosedAfter))
                .extracting(Violation::invariant)
                .containsExactly("medication-without-indication");
        PatientRecord sameMinute = Fixtures.validWith(b -> {
            b.conditions.add(Fixtures.condition(Fixtures.DIABETES, 16));
            b.medications.add(Fixtures.medication(Fixtures.METFORMIN, Fixtures.DIABETES, 16));
        });
        assertThat(CHECKER.check(sameMinute)).isEmpty();
    }
}
