package io.synthfhir.eval;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.eval.fidelity.HaloFidelity;
import io.synthfhir.eval.fidelity.HaloStatistic;
import io.synthfhir.fhir.extract.NdjsonBundleReader;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.testing.SharedData;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real against real on the shared corpus: the first 189 patients (lines) against the other 48. The HALO R² figures
 * must land near the ceiling measured with an independent script over the raw bundles (docs/evaluation.md): per-visit
 * code 0.975, within-visit pair 0.906, consecutive-visit pair 0.764 with the default code set.
 * The records come through the project's own extraction ({@link NdjsonBundleReader}).
 */
class RealVsRealCorpusTest {

    @Test
    void haloR2OfHeldOutRealPatientsIsNearTheMeasuredCeiling() {
        List<PatientRecord> all = NdjsonBundleReader.read(SharedData.syntheaCorpus());
        assertThat(all).hasSize(237);
        Cohort train = Cohort.of("real", all.subList(0, 189), VisitCodeSet.defaults());
        Cohort heldOut = Cohort.of("synthetic", all.subList(189, all.size()), VisitCodeSet.defaults());
        var r2 = new HaloFidelity(train, heldOut).r2();
        r2.forEach((statistic, value) -> System.out.println("real vs real HALO R² " + statistic + " = " + value));
        assertThat(r2.get(HaloStatistic.VISIT_CODE).value()).isBetween(0.95, 1.0);
        assertThat(r2.get(HaloStatistic.VISIT_PAIR).value()).isBetween(0.86, 1.0);
        assertThat(r2.get(HaloStatistic.VISIT_SEQUENTIAL_PAIR).value()).isBetween(0.70, 1.0);
    }
}
