package io.synthfhir.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code condition=<code>} gives every patient the main diagnosis of each module of the group, within the ages (and
 * sex) the module's remarks give for it.
 */
class OncologyAndMentalHealthSteeringTest {
    static final RulesGenerator GENERATOR = RulesGenerator.standard(null);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "370143000, Major depressive disorder, 25, 70, ",
        "197480006, Anxiety disorder, 25, 70, ",
        "239873007, Osteoarthritis of knee, 60, 85, ",
        "239872002, Osteoarthritis of hip, 60, 85, ",
        "72892002, Normal pregnancy, 20, 40, female",
        "39579001, Anaphylaxis, 5, 40, ",
        "367498001, Seasonal allergic rhinitis, 20, 60, ",
        "254637007, Non-small cell lung cancer, 60, 85, ",
        "254837009, Malignant neoplasm of breast, 55, 85, female",
        "109989006, Multiple myeloma, 60, 85, ",
        "109969005, Diffuse large B-cell malignant lymphoma, 55, 85, ",
        "26929004, Alzheimer's disease, 75, 90, "
    })
    void steeringGivesEveryPatientTheDiagnosis(String code, String display, int minAge, int maxAge, String gender) {
        Code condition = Code.snomed(code, display);
        CohortSpec spec = CohortSpec.defaults(7, TODAY).withAges(minAge, maxAge).withCondition(condition);
        if (gender != null) {
            spec = spec.withGender(AdministrativeSex.FEMALE);
        }
        GENERATOR.check(spec);
        for (int i = 0; i < 6; i++) {
            assertThat(GENERATOR.generate(spec, i).hasCondition(condition))
                    .as("patient %d has %s", i, display)
                    .isTrue();
        }
    }
}
