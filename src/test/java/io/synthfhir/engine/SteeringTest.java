package io.synthfhir.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.Code;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SteeringTest {
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    static final Code TARGET = Code.snomed("38341003", "Hypertensive disorder");

    /**
     * 95 % of patients take a branch that waits at a Guard no one ever passes; the rest are diagnosed at once. An
     * unconstrained cohort has the diagnosis in about 5 %; a steered one must have it in every patient, which only
     * works if steering prefers the branch that reaches the onset without waiting.
     */
    @Test
    void steeringPrefersTheBranchThatReachesTheOnsetWithoutWaitingAtAGuard(@TempDir Path dir) throws IOException {
        Files.writeString(
                dir.resolve("watch.json"),
                """
                {"name": "watch", "states": {
                  "Initial": {"type": "Initial", "distributed_transition": [
                    {"transition": "Visit", "distribution": 0.05},
                    {"transition": "Watch", "distribution": 0.95}]},
                  "Watch": {"type": "Guard",
                    "allow": {"condition_type": "Attribute", "attribute": "never_set", "operator": "==", "value": true},
                    "direct_transition": "Visit"},
                  "Visit": {"type": "Encounter", "encounter_class": "ambulatory",
                    "codes": [{"system": "SNOMED-CT", "code": "185349003", "display": "Encounter for check up"}],
                    "direct_transition": "Onset"},
                  "Onset": {"type": "ConditionOnset", "target_encounter": "Visit",
                    "codes": [{"system": "SNOMED-CT", "code": "38341003", "display": "Hypertensive disorder"}],
                    "direct_transition": "End"},
                  "End": {"type": "EncounterEnd", "direct_transition": "Terminal"},
                  "Terminal": {"type": "Terminal"}}}
                """);
        RulesGenerator generator = new RulesGenerator(ModuleLibrary.load(ModuleSources.folder(dir)), "test");
        CohortSpec free = CohortSpec.defaults(3, TODAY).withAges(20, 60);

        long unconstrained = IntStream.range(0, 200)
                .filter(i -> generator.generate(free, i).hasCondition(TARGET))
                .count();
        assertThat(unconstrained).isBetween(2L, 25L);

        CohortSpec steered = free.withCondition(TARGET);
        assertThat(IntStream.range(0, 200)
                        .allMatch(i -> generator.generate(steered, i).hasCondition(TARGET)))
                .isTrue();
    }
}
