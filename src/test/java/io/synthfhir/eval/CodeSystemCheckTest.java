package io.synthfhir.eval;

import static io.synthfhir.eval.Patients.patient;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class CodeSystemCheckTest {

    private static PatientRecord withCondition(String id, Code code) {
        Instant t = Instant.parse("2020-01-01T10:00:00Z");
        Encounter.Builder e = Encounter.builder(EncounterClass.AMBULATORY, Code.snomed("185349003", "Visit"), t);
        e.conditions.add(new Condition(code, t));
        return patient(id).build().withEncounters(List.of(e.build()));
    }

    @Test
    void cohortsSharingACodeSystemPerKindAreComparable() {
        List<PatientRecord> real = List.of(
                withCondition("r1", Code.snomed("44054006", "T2D")),
                withCondition("r2", new Code("http://hl7.org/fhir/sid/icd-10-cm", "E11.9", "")));
        List<PatientRecord> synthetic = List.of(withCondition("s1", Code.snomed("38341003", "HTN")));

        assertThat(CodeSystemCheck.mismatches(real, synthetic)).isEmpty();
    }

    @Test
    void disjointSystemsOfOneKindAreNamed() {
        List<PatientRecord> real =
                List.of(withCondition("r1", new Code("http://hl7.org/fhir/sid/icd-10-cm", "E11.9", "")));
        List<PatientRecord> synthetic = List.of(withCondition("s1", Code.snomed("44054006", "T2D")));

        assertThat(CodeSystemCheck.mismatches(real, synthetic))
                .singleElement()
                .asString()
                .startsWith("conditions are coded in http://hl7.org/fhir/sid/icd-10-cm in the real records and in"
                        + " http://snomed.info/sct in the synthetic ones");
    }

    @Test
    void aKindOnlyOneCohortRecordsIsNoMismatch() {
        List<PatientRecord> real = List.of(withCondition("r1", Code.snomed("44054006", "T2D")));
        List<PatientRecord> synthetic = List.of(patient("s1").build());

        assertThat(CodeSystemCheck.mismatches(real, synthetic)).isEmpty();
    }
}
