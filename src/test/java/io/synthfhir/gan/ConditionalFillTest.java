package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.generate.PatientSeeds;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionalFillTest {

    private static PatientRecord scaffold() {
        return GanFixtures.cohort().stream()
                .filter(r ->
                        r.encounters().size() >= 8 && r.conditions().findAny().isPresent())
                .findFirst()
                .orElseThrow();
    }

    @Test
    void fillKeepsTheScaffoldsTimelineAndDemographics() {
        PatientRecord scaffold = scaffold();

        PatientRecord filled = GanFixtures.tinyModel()
                .generator()
                .fill(scaffold, false, null, GanFixtures.REFERENCE, PatientSeeds.forPatient(1, 0));

        assertThat(filled.id()).isEqualTo(scaffold.id());
        assertThat(filled.demographics()).isEqualTo(scaffold.demographics());
        assertThat(filled.encounters()).hasSameSizeAs(scaffold.encounters());
        for (int i = 0; i < filled.encounters().size(); i++) {
            Encounter f = filled.encounters().get(i);
            Encounter s = scaffold.encounters().get(i);
            assertThat(f.start()).isEqualTo(s.start());
            assertThat(f.end()).isEqualTo(s.end());
            assertThat(f.encounterClass()).isEqualTo(s.encounterClass());
            assertThat(f.type()).isEqualTo(s.type());
            f.observations().forEach(o -> assertThat(o.effective()).isBetween(f.start(), f.end()));
            f.procedures().forEach(p -> assertThat(p.end()).isBetween(f.start(), f.end()));
        }
        assertThat(filled.encounters().stream()
                        .mapToInt(e -> e.observations().size())
                        .sum())
                .isPositive();
    }

    @Test
    void keptScaffoldConditionsStayWhereTheyWereAndMedicationsHaveIndications() {
        PatientRecord scaffold = scaffold();

        PatientRecord filled = GanFixtures.tinyModel()
                .generator()
                .fill(scaffold, true, null, GanFixtures.REFERENCE, PatientSeeds.forPatient(1, 0));

        for (int i = 0; i < filled.encounters().size(); i++) {
            List<Condition> kept = scaffold.encounters().get(i).conditions();
            assertThat(filled.encounters().get(i).conditions()).containsAll(kept);
        }
        filled.medications().forEach(m -> assertThat(m.reason()).isNotNull());
    }

    @Test
    void sameScaffoldAndStreamGiveTheSameFill() {
        PatientRecord scaffold = scaffold();
        GanGenerator generator = GanFixtures.tinyModel().generator();

        PatientRecord a = generator.fill(scaffold, true, null, GanFixtures.REFERENCE, PatientSeeds.forPatient(4, 2));
        PatientRecord b = generator.fill(scaffold, true, null, GanFixtures.REFERENCE, PatientSeeds.forPatient(4, 2));

        assertThat(a).isEqualTo(b);
    }
}
