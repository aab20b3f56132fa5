package io.synthfhir.validity;

import static io.synthfhir.validity.ValidityCheckerTest.CHECKER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.synthfhir.model.Code;
import io.synthfhir.model.PatientRecord;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The indications table of the cardio-metabolic modules: a drug listed again adds indications to the earlier entry,
 * and every drug those modules order has an entry naming the condition it is ordered for.
 */
class CardiometabolicIndicationsTest {
    static final Code METOPROLOL =
            Code.rxnorm("866412", "24 HR metoprolol succinate 100 MG Extended Release Oral Tablet");
    static final Code AF = Code.snomed("49436004", "Atrial fibrillation");

    @Test
    void aDrugListedTwiceKeepsTheIndicationsOfBothEntries() {
        PatientRecord afOnly = Fixtures.validWith(b -> {
            b.conditions.clear();
            b.medications.clear();
            b.conditions.add(Fixtures.condition(AF, 10));
            b.medications.add(Fixtures.medication(METOPROLOL, null, 15));
        });
        assertThat(CHECKER.repair(afOnly).record().encounters().get(0).medications())
                .singleElement()
                .satisfies(m -> assertThat(m.reason().code()).isEqualTo("49436004"));
        PatientRecord hypertensionOnly =
                Fixtures.validWith(b -> b.medications.add(Fixtures.medication(METOPROLOL, null, 16)));
        assertThat(CHECKER.repair(hypertensionOnly).record().encounters().get(0).medications())
                .filteredOn(m -> m.code().sameConcept(METOPROLOL))
                .singleElement()
                .satisfies(m -> assertThat(m.reason().code()).isEqualTo("59621000"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "obesity",
                "copd",
                "chronic_kidney_disease",
                "heart_failure",
                "coronary_heart_disease",
                "atrial_fibrillation",
                "stroke"
            })
    void everyDrugAModuleOrdersIsIndicatedForItsReason(String module) throws IOException {
        Map<String, Set<String>> table = new HashMap<>();
        for (JsonNode m : ReferenceData.read(Indications.FILE).path("medications")) {
            for (JsonNode rx : m.path("rxnorm")) {
                Set<String> conditions = table.computeIfAbsent(rx.asText(), k -> new HashSet<>());
                m.path("indications").forEach(i -> conditions.add(i.path("code").asText()));
            }
        }
        JsonNode states = read("/rules/" + module + ".json").path("states");
        Map<String, String> onsets = new HashMap<>();
        states.fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            if (s.path("type").asText().equals("ConditionOnset")) {
                String code = s.path("codes").get(0).path("code").asText();
                onsets.put(e.getKey(), code);
                if (s.has("assign_to_attribute")) {
                    onsets.put(s.path("assign_to_attribute").asText(), code);
                }
            }
        });
        states.fields().forEachRemaining(e -> {
            JsonNode s = e.getValue();
            if (s.path("type").asText().equals("MedicationOrder")) {
                String drug = s.path("codes").get(0).path("code").asText();
                String reason = onsets.get(s.path("reason").asText());
                assertThat(reason)
                        .as("%s/%s names a condition of its module", module, e.getKey())
                        .isNotNull();
                assertThat(table.getOrDefault(drug, Set.of()))
                        .as("indications of RxNorm %s (%s/%s)", drug, module, e.getKey())
                        .contains(reason);
            }
        });
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = CardiometabolicIndicationsTest.class.getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return new ObjectMapper().readTree(in);
        }
    }
}
