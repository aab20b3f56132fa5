package io.synthfhir.validity;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.PatientRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 10,000 patients from the bundled rule library (all modules, default spec) must break no clinical invariant, and
 * their realism measures must sit near the public figures of docs/clinical-validity.md. Prints the measures (the
 * documented command: {@code mvn test -Dtest=RulesCohortValidityTest}).
 */
class RulesCohortValidityTest {
    static final int PATIENTS = 10_000;
    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 22);
    static List<PatientRecord> cohort;

    @BeforeAll
    static void generate() {
        RulesGenerator generator = RulesGenerator.standard(null);
        CohortSpec spec = CohortSpec.defaults(20261122L, REFERENCE);
        long start = System.nanoTime();
        cohort = IntStream.range(0, PATIENTS)
                .parallel()
                .mapToObj(i -> generator.generate(spec, i))
                .toList();
        System.out.printf(
                "RulesCohortValidityTest: generated %d patients in %.1f s%n",
                PATIENTS, (System.nanoTime() - start) / 1e9);
    }

    @Test
    void tenThousandRulePatientsBreakNoInvariant() {
        ValidityChecker checker = ValidityChecker.standard();
        long start = System.nanoTime();
        List<Violation> violations =
                cohort.parallelStream().flatMap(r -> checker.check(r).stream()).toList();
        System.out.printf(
                "RulesCohortValidityTest: checked %d patients in %.1f s, %d violations%n",
                PATIENTS, (System.nanoTime() - start) / 1e9, violations.size());
        Map<String, Long> byInvariant = violations.stream()
                .collect(Collectors.groupingBy(Violation::invariant, TreeMap::new, Collectors.counting()));
        assertThat(violations)
                .as(
                        "violations by invariant %s, first ones %s",
                        byInvariant, violations.stream().limit(5).toList())
                .isEmpty();
    }

    @Test
    void realismMeasuresSitNearThePublicFigures() {
        ClinicalMeasures m = ClinicalMeasures.of(cohort, REFERENCE);
        System.out.println(
                "RulesCohortValidityTest measures (seed 20261122, reference date " + REFERENCE + "):\n" + m.table());
        // Synthea #1693: no HbA1c below the physiological floor under treatment.
        assertThat(m.hba1cUnderTreatment().n()).isGreaterThan(500);
        assertThat(m.hba1cUnderTreatment().min()).isGreaterThanOrEqualTo(4.5);
        assertThat(m.hba1cUnderTreatment().max()).isLessThanOrEqualTo(18);
        // Fang et al. 2021: 50.5 % of adults with diagnosed diabetes below 7 %.
        assertThat(m.treatedLatestHba1cBelow7().value()).isBetween(0.35, 0.65);
        // Synthea #731 and #1343.
        assertThat(m.labsWithRangeAndInterpretation().value()).isEqualTo(1.0);
        assertThat(m.patientsWithUncausedComplication().numerator()).isZero();
        // Chen et al. 2019: 69.7 % nationally, 74.5 % in Massachusetts, 0 % in Synthea.
        assertThat(m.hypertensionControlled().denominator()).isGreaterThan(500);
        assertThat(m.hypertensionControlled().value()).isBetween(0.62, 0.80);
        // Chen et al. 2019: 69.8 % nationally, 77.3 % in Massachusetts, 63 % in Synthea.
        assertThat(m.colorectalScreened().denominator()).isGreaterThan(1000);
        assertThat(m.colorectalScreened().value()).isBetween(0.65, 0.82);
        // NCHS Data Brief 289: 29.0 % of adults; CDC NDSR: 11.3 % of adults diagnosed with diabetes.
        assertThat(m.hypertensionPrevalence().value()).isBetween(0.20, 0.36);
        assertThat(m.diabetesPrevalence().value()).isBetween(0.08, 0.16);
    }
}
