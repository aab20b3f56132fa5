package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.validity.CheckedGenerator;
import io.synthfhir.validity.ValidityChecker;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The model the jar ships, so that mode=gan and mode=hybrid work on a fresh start (docs/gan.md#the-default-model). */
class BundledModelTest {

    @Test
    void theJarShipsATrainedModelThatMakesValidPatients() {
        GanModel model = GanModel.bundledDefault().orElseThrow();
        ModelManifest m = model.manifest();
        assertThat(m.trainingPatients()).isEqualTo(189);
        assertThat(m.heldOutPatients()).isEqualTo(48);
        assertThat(m.hyperParameters().mixtures()).isEqualTo(4);
        assertThat(m.metrics().get("privacy.exact-copies")).isZero();
        assertThat(m.metrics().get("privacy.mia.accuracy")).isLessThanOrEqualTo(0.55);

        ValidityChecker checker = ValidityChecker.standard();
        CheckedGenerator served = new CheckedGenerator(model.generator(), checker);
        CohortSpec spec = CohortSpec.defaults(5, LocalDate.of(2026, 11, 22));
        List<PatientRecord> patients =
                IntStream.range(0, 50).mapToObj(i -> served.generate(spec, i)).toList();
        assertThat(patients).allSatisfy(p -> assertThat(checker.check(p)).isEmpty());
        assertThat(patients.stream().filter(p -> !p.encounters().isEmpty()).count())
                .isGreaterThan(40);
    }
}
