package io.synthfhir.engine;

import static io.synthfhir.engine.Cohorts.episodeInLastYear;
import static io.synthfhir.engine.Cohorts.has;
import static io.synthfhir.engine.Cohorts.inLastYear;
import static io.synthfhir.engine.Cohorts.living;
import static io.synthfhir.engine.Cohorts.share;
import static io.synthfhir.engine.Cohorts.snomed;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.PatientRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One measured figure per module of the bundled library, the one its remarks are calibrated to, each held to a band
 * around that sourced figure; prints the "measured" column of docs/rules-library.md. The chronic cardio-metabolic
 * modules have their own, finer tests (CardiometabolicModulesTest); hypertension, diabetes, hyperlipidemia and
 * screening are measured by RulesCohortValidityTest.
 */
class RulesLibraryFiguresTest {
    static List<PatientRecord> cohort;
    static final Map<String, Cohorts.Share> FIGURES = new LinkedHashMap<>();

    @BeforeAll
    static void measure() {
        cohort = Cohorts.shared();
        List<PatientRecord> children = living(cohort, 0, 17);
        List<PatientRecord> adults = living(cohort, 18, 200);
        List<PatientRecord> women = adults.stream()
                .filter(r -> r.demographics().sex() == AdministrativeSex.FEMALE)
                .toList();
        FIGURES.put("asthma: children 0-17 with active asthma", share(children, activeNow(snomed("195967001"))));
        FIGURES.put("asthma: adults with active asthma", share(adults, activeNow(snomed("195967001"))));
        FIGURES.put(
                "bronchitis: adults diagnosed in the last year", share(adults, episodeInLastYear(snomed("10509002"))));
        FIGURES.put(
                "otitis_media: children under 6 diagnosed in the last year",
                share(living(cohort, 0, 5), episodeInLastYear(snomed("65363002"))));
        FIGURES.put(
                "pharyngitis: children diagnosed in the last year",
                share(children, episodeInLastYear(snomed("43878008"))));
        FIGURES.put(
                "pharyngitis: adults diagnosed in the last year", share(adults, episodeInLastYear(snomed("43878008"))));
        FIGURES.put(
                "sinusitis: adults diagnosed in the last year", share(adults, episodeInLastYear(snomed("75498004"))));
        FIGURES.put(
                "urinary_tract_infection: women diagnosed in the last year",
                share(women, episodeInLastYear(snomed("68566005"))));
        FIGURES.put(
                "immunizations: children aged 2-5 with an MMR dose",
                share(living(cohort, 2, 5), vaccinated("03", false)));
        FIGURES.put(
                "influenza_vaccination: adults 65+ vaccinated in the last year",
                share(living(cohort, 65, 200), vaccinated("140", true)));
        FIGURES.put(
                "influenza_vaccination: adults 18-64 vaccinated in the last year",
                share(living(cohort, 18, 64), vaccinated("140", true)));
        FIGURES.put(
                "wellness_labs: adults diagnosed with major depression in the last year",
                share(adults, episodeInLastYear(snomed("370143000"))));
        FIGURES.put("wellness_labs: adults with major depressive disorder", share(adults, has(snomed("370143000"))));
        System.out.println("RulesLibraryFiguresTest (seed " + Cohorts.SEED + ", reference date " + Cohorts.REFERENCE
                + ", " + cohort.size() + " patients):");
        FIGURES.forEach((k, v) -> System.out.println("  " + k + ": " + v));
    }

    static Predicate<PatientRecord> activeNow(Code code) {
        return r -> r.conditions().anyMatch(c -> c.code().sameConcept(code) && c.abatement() == null);
    }

    static Predicate<PatientRecord> vaccinated(String cvx, boolean lastYearOnly) {
        Code vaccine = Code.cvx(cvx, "");
        return r -> r.immunizations()
                .anyMatch(i -> i.code().sameConcept(vaccine) && (!lastYearOnly || inLastYear(i.date())));
    }

    static double figure(String prefix) {
        return FIGURES.entrySet().stream()
                .filter(e -> e.getKey().startsWith(prefix))
                .findFirst()
                .orElseThrow()
                .getValue()
                .value();
    }

    @Test
    void respiratoryModulesSitNearTheirSourcedFigures() {
        // CDC 2021: current asthma in 6.5 % of children and 8.0 % of adults.
        assertThat(figure("asthma: children")).isBetween(0.03, 0.12);
        assertThat(figure("asthma: adults")).isBetween(0.02, 0.12);
        // Kinkade & Long 2016: acute bronchitis in about 5 % of adults a year.
        assertThat(figure("bronchitis")).isBetween(0.02, 0.09);
        // CDC NHIS 2018: sinusitis ~12 % a year, ~4 % diagnosed as bacterial.
        assertThat(figure("sinusitis")).isBetween(0.015, 0.08);
    }

    @Test
    void acuteInfectionModulesSitNearTheirSourcedFigures() {
        // Kaur et al. 2017: 30-40 % of children under 6 a year.
        assertThat(figure("otitis_media")).isBetween(0.15, 0.5);
        // IDSA 2012: about 8 % of children and 3 % of adults a year.
        assertThat(figure("pharyngitis: children")).isBetween(0.03, 0.14);
        assertThat(figure("pharyngitis: adults")).isBetween(0.01, 0.06);
        // Foxman 2002: about 10 % of women a year.
        assertThat(figure("urinary_tract_infection")).isBetween(0.05, 0.16);
    }

    @Test
    void vaccinationAndScreeningModulesSitNearTheirSourcedFigures() {
        // CDC NIS-Child 2021: 90-93 % coverage by 24 months.
        assertThat(figure("immunizations")).isBetween(0.8, 1.0);
        // FluVaxView 2022-23: ~70 % of adults 65+, ~45 % of 18-64.
        assertThat(figure("influenza_vaccination: adults 65+")).isBetween(0.5, 0.85);
        assertThat(figure("influenza_vaccination: adults 18-64")).isBetween(0.25, 0.6);
        // NIMH: 8.3 % twelve-month prevalence of a major depressive episode; the module's incidence is 1.5 %/year.
        assertThat(figure("wellness_labs: adults diagnosed")).isBetween(0.005, 0.04);
    }
}
