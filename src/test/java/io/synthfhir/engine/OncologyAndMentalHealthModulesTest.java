package io.synthfhir.engine;

import static io.synthfhir.engine.ModuleCohort.ageAt;
import static io.synthfhir.engine.ModuleCohort.diagnosisEncounters;
import static io.synthfhir.engine.ModuleCohort.male;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.AllergyCategory;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Observation;
import io.synthfhir.model.PatientRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mental health, musculoskeletal, pregnancy, allergy, oncology and dementia modules on one cohort of the bundled
 * library (default spec, as RulesCohortValidityTest): each behaves as its remarks say and sits near its sourced figure.
 * Prints the measures docs/rules-library-more.md quotes ({@code mvn test -Dtest=OncologyAndMentalHealthModulesTest}).
 */
class OncologyAndMentalHealthModulesTest {
    static final int PATIENTS = 6_000;
    static final LocalDate REFERENCE = LocalDate.of(2026, 11, 22);

    static final Code DEPRESSION = Code.snomed("370143000", "Major depressive disorder");
    static final Code ANXIETY = Code.snomed("197480006", "Anxiety disorder");
    static final Code KNEE_OA = Code.snomed("239873007", "Osteoarthritis of knee");
    static final Code HIP_OA = Code.snomed("239872002", "Osteoarthritis of hip");
    static final Code PREGNANCY = Code.snomed("72892002", "Normal pregnancy");
    static final Code ANAPHYLAXIS = Code.snomed("39579001", "Anaphylaxis");
    static final Code FOOD_ALLERGY = Code.snomed("414285001", "Allergy to food");
    static final Code SEASONAL_RHINITIS = Code.snomed("367498001", "Seasonal allergic rhinitis");
    static final Code NSCLC = Code.snomed("254637007", "Non-small cell lung cancer");
    static final Code SCLC = Code.snomed("254632001", "Small cell carcinoma of lung");
    static final Code BREAST_CANCER = Code.snomed("254837009", "Malignant neoplasm of breast");
    static final Code MYELOMA = Code.snomed("109989006", "Multiple myeloma");
    static final Code DLBCL = Code.snomed("109969005", "Diffuse large B-cell malignant lymphoma");
    static final Code ALZHEIMERS = Code.snomed("26929004", "Alzheimer's disease");
    static final Code PHQ9 = Code.loinc("44261-6", "PHQ-9 total score");
    static final Code GAD7 = Code.loinc("70274-6", "GAD-7 total score");
    static final Code MMSE = Code.loinc("72106-8", "Total score [MMSE]");
    static final Code MAMMOGRAPHY = Code.snomed("24623002", "Screening mammography");
    static final Set<String> DELIVERIES = Set.of("66348005", "11466000");

    static ModuleCohort cohort;

    @BeforeAll
    static void generate() {
        RulesGenerator generator = RulesGenerator.standard(null);
        CohortSpec spec = CohortSpec.defaults(20261122L, REFERENCE);
        List<PatientRecord> patients = IntStream.range(0, PATIENTS)
                .parallel()
                .mapToObj(i -> generator.generate(spec, i))
                .toList();
        cohort = new ModuleCohort(patients, REFERENCE, spec.years());
        System.out.println("OncologyAndMentalHealthModulesTest measures (" + PATIENTS + " patients, seed 20261122, "
                + "reference date " + REFERENCE + "):\n" + measures());
    }

    static String measures() {
        StringBuilder out = new StringBuilder();
        java.util.function.BiConsumer<String, Object> row =
                (k, v) -> out.append("  ").append(k).append(": ").append(v).append('\n');
        row.accept("depression active, adults", cohort.prevalence(DEPRESSION, p -> ageAt(p, cohort.end()) >= 18));
        row.accept("anxiety active, adults", cohort.prevalence(ANXIETY, p -> ageAt(p, cohort.end()) >= 18));
        row.accept("knee OA, 45+", cohort.prevalence(KNEE_OA, p -> ageAt(p, cohort.end()) >= 45));
        row.accept("knee OA, 65+", cohort.prevalence(KNEE_OA, p -> ageAt(p, cohort.end()) >= 65));
        row.accept("hip OA, 65+", cohort.prevalence(HIP_OA, p -> ageAt(p, cohort.end()) >= 65));
        long births = cohort.patients().stream()
                .flatMap(PatientRecord::procedures)
                .filter(pr -> DELIVERIES.contains(pr.code().code())
                        && pr.start().isAfter(cohort.end().minusSeconds(365 * 86400L)))
                .count();
        long women = cohort.patients().stream()
                .filter(p -> !male(p) && ModuleCohort.alive(p) && between(p, 15, 44))
                .count();
        row.accept(
                "births in the last year per 1,000 women 15-44",
                String.format(java.util.Locale.ROOT, "%.1f (%d / %d)", 1000.0 * births / women, births, women));
        long deliveries = cohort.patients().stream()
                .flatMap(PatientRecord::procedures)
                .filter(pr -> DELIVERIES.contains(pr.code().code()))
                .count();
        long cesareans = cohort.patients().stream()
                .flatMap(PatientRecord::procedures)
                .filter(pr -> pr.code().code().equals("11466000"))
                .count();
        row.accept("cesarean share of deliveries", new ModuleCohort.Share(cesareans, deliveries));
        row.accept(
                "children 2-9 with an active food allergy",
                share(p -> ageAt(p, cohort.end()) >= 2 && ageAt(p, cohort.end()) < 10, p -> p.allergies()
                        .anyMatch(a -> a.category() == AllergyCategory.FOOD && a.activeAt(cohort.end()))));
        row.accept("penicillin allergy label recorded in the window, all ages", share(p -> true, p -> p.allergies()
                .anyMatch(a -> a.code().code().equals("7984"))));
        row.accept(
                "seasonal allergic rhinitis active, adults",
                cohort.prevalence(SEASONAL_RHINITIS, p -> ageAt(p, cohort.end()) >= 18));
        row.accept(
                "lung cancer incidence per 100,000 person-years",
                String.format(
                        java.util.Locale.ROOT,
                        "%.0f",
                        cohort.incidencePer100k(NSCLC, p -> true) + cohort.incidencePer100k(SCLC, p -> true)));
        row.accept(
                "female breast cancer incidence per 100,000 woman-years",
                String.format(java.util.Locale.ROOT, "%.0f", cohort.incidencePer100k(BREAST_CANCER, p -> !male(p))));
        row.accept(
                "myeloma incidence per 100,000 person-years",
                String.format(java.util.Locale.ROOT, "%.1f", cohort.incidencePer100k(MYELOMA, p -> true)));
        row.accept(
                "DLBCL incidence per 100,000 person-years",
                String.format(java.util.Locale.ROOT, "%.1f", cohort.incidencePer100k(DLBCL, p -> true)));
        row.accept("Alzheimer's, 65+", cohort.prevalence(ALZHEIMERS, p -> ageAt(p, cohort.end()) >= 65));
        row.accept("Alzheimer's, 65-74", cohort.prevalence(ALZHEIMERS, p -> between(p, 65, 74)));
        row.accept("Alzheimer's, 75-84", cohort.prevalence(ALZHEIMERS, p -> between(p, 75, 84)));
        row.accept("Alzheimer's, 85+", cohort.prevalence(ALZHEIMERS, p -> ageAt(p, cohort.end()) >= 85));
        row.accept(
                "knee OA patients with a total knee replacement in the window",
                share(p -> p.hasCondition(KNEE_OA), p -> p.procedures()
                        .anyMatch(pr -> pr.code().code().equals("609588000"))));
        row.accept("depression diagnosed in the window: treated (SSRI or CBT)", treatedShare(DEPRESSION));
        row.accept("anxiety diagnosed in the window: treated (SSRI or CBT)", treatedShare(ANXIETY));
        row.accept("mammography within 2 years, women 50-74", mammographyWithinTwoYears());
        return out.toString();
    }

    static ModuleCohort.Share treatedShare(Code condition) {
        List<PatientRecord> diagnosed = cohort.patients().stream()
                .filter(p -> !diagnosisEncounters(p, condition).isEmpty())
                .toList();
        return new ModuleCohort.Share(
                diagnosed.stream().filter(p -> treated(p, condition)).count(), diagnosed.size());
    }

    static boolean treated(PatientRecord p, Code condition) {
        return p.medications().anyMatch(m -> condition.sameConcept(m.reason()))
                || p.procedures().anyMatch(pr -> condition.sameConcept(pr.reason()));
    }

    static ModuleCohort.Share share(
            java.util.function.Predicate<PatientRecord> who, java.util.function.Predicate<PatientRecord> has) {
        List<PatientRecord> d = cohort.patients().stream()
                .filter(ModuleCohort::alive)
                .filter(who)
                .toList();
        return new ModuleCohort.Share(d.stream().filter(has).count(), d.size());
    }

    static List<Observation> observations(Encounter e, Code code) {
        return e.observations().stream().filter(o -> o.code().sameConcept(code)).toList();
    }

    static double value(Observation o) {
        return o.quantity().value();
    }

    @Test
    void depressionAndAnxietyAreDiagnosedOnTheirScreeningScoresAndMostlyTreated() {
        for (Code[] pair : new Code[][] {{DEPRESSION, PHQ9}, {ANXIETY, GAD7}}) {
            List<PatientRecord> diagnosed = cohort.patients().stream()
                    .filter(p -> !diagnosisEncounters(p, pair[0]).isEmpty())
                    .toList();
            assertThat(diagnosed).hasSizeGreaterThan(100);
            for (PatientRecord p : diagnosed) {
                for (Encounter e : diagnosisEncounters(p, pair[0])) {
                    assertThat(observations(e, pair[1]))
                            .as("the diagnosis visit scores the questionnaire at 10 or more")
                            .isNotEmpty()
                            .allSatisfy(o -> assertThat(value(o)).isBetween(10.0, 27.0));
                }
            }
            // 85 % (depression) and 80 % (anxiety) start an SSRI or CBT; NSDUH 2021: 61 % of adults with a major
            // depressive episode were treated in the past year.
            assertThat(treatedShare(pair[0]).value()).isBetween(0.7, 0.92);
        }
        // NSDUH 2021: 8.3 % of adults had a major depressive episode in the past year.
        assertThat(cohort.prevalence(DEPRESSION, p -> ageAt(p, cohort.end()) >= 18)
                        .value())
                .isBetween(0.04, 0.14);
    }

    @Test
    void osteoarthritisRisesWithAgeAndSomeJointsAreReplaced() {
        var under40 = cohort.prevalence(KNEE_OA, p -> ageAt(p, cohort.end()) < 40);
        var middle = cohort.prevalence(KNEE_OA, p -> between(p, 40, 64));
        var old = cohort.prevalence(KNEE_OA, p -> ageAt(p, cohort.end()) >= 65);
        assertThat(under40.numerator()).isZero();
        assertThat(old.value()).isGreaterThan(2 * middle.value());
        assertThat(cohort.prevalence(HIP_OA, p -> ageAt(p, cohort.end()) >= 65).value())
                .isBetween(0.02, 0.15);
        assertThat(cohort.patients().stream()
                        .flatMap(PatientRecord::procedures)
                        .filter(pr -> KNEE_OA.sameConcept(pr.reason())
                                && pr.code().code().equals("609588000")))
                .isNotEmpty();
    }

    @Test
    void pregnanciesAreOfWomen15To45AndEachEndsInABirthALossOrATermination() {
        List<PatientRecord> pregnant = cohort.patients().stream()
                .filter(p -> !diagnosisEncounters(p, PREGNANCY).isEmpty())
                .toList();
        assertThat(pregnant).hasSizeGreaterThan(100).allSatisfy(p -> {
            assertThat(male(p)).isFalse();
            p.conditions().filter(c -> c.code().sameConcept(PREGNANCY)).forEach(c -> assertThat(ageAt(p, c.onset()))
                    .isBetween(15, 45));
        });
        long deliveries = pregnant.stream()
                .flatMap(PatientRecord::procedures)
                .filter(pr -> DELIVERIES.contains(pr.code().code()))
                .count();
        long cesareans = pregnant.stream()
                .flatMap(PatientRecord::procedures)
                .filter(pr -> pr.code().code().equals("11466000"))
                .count();
        // NCHS 2022: 32.1 % of births by cesarean section.
        assertThat(cesareans / (double) deliveries).isBetween(0.22, 0.42);
        for (PatientRecord p : pregnant) {
            p.conditions()
                    .filter(c -> c.code().sameConcept(PREGNANCY) && c.abatement() != null)
                    .forEach(c -> assertThat(p.procedures()
                                            .anyMatch(pr -> !pr.start().isBefore(c.onset())
                                                    && !pr.start().isAfter(c.abatement())
                                                    && Set.of("66348005", "11466000", "714812005")
                                                            .contains(pr.code().code()))
                                    || p.conditions()
                                            .anyMatch(m -> m.code().code().equals("19169002")))
                            .as("an ended pregnancy has its outcome")
                            .isTrue());
        }
    }

    @Test
    void allergiesAreCodedByCategoryAndAnaphylaxisBringsAnEpinephrineAutoInjector() {
        List<PatientRecord> withAllergy = cohort.patients().stream()
                .filter(p -> p.allergies().findAny().isPresent())
                .toList();
        assertThat(withAllergy).isNotEmpty();
        assertThat(withAllergy.stream().flatMap(PatientRecord::allergies).map(a -> a.category()))
                .contains(AllergyCategory.FOOD, AllergyCategory.MEDICATION, AllergyCategory.ENVIRONMENT);
        cohort.patients().stream()
                .filter(p -> !diagnosisEncounters(p, ANAPHYLAXIS).isEmpty())
                .forEach(p -> assertThat(p.medications()
                                .anyMatch(
                                        m -> m.code().code().equals("1870230") && FOOD_ALLERGY.sameConcept(m.reason())))
                        .isTrue());
        // Gupta et al. 2018: 7.6 % of children have a food allergy. Children under 10 lived their whole life inside
        // the 10-year history window, so none of their allergies falls before it (the record does not carry them).
        assertThat(share(p -> ageAt(p, cohort.end()) >= 2 && ageAt(p, cohort.end()) < 10, p -> p.allergies()
                                .anyMatch(a -> a.category() == AllergyCategory.FOOD && a.activeAt(cohort.end())))
                        .value())
                .isBetween(0.025, 0.09);
    }

    @Test
    void cancersArePlacedInTheirPopulationStagedAndTreated() {
        for (PatientRecord p : cohort.patients()) {
            for (Code cancer : List.of(NSCLC, SCLC, BREAST_CANCER, MYELOMA, DLBCL)) {
                for (Encounter e : diagnosisEncounters(p, cancer)) {
                    assertThat(e.observations().stream()
                                    .anyMatch(o -> o.code().code().equals("21908-9")))
                            .as("%s is staged at diagnosis", cancer.display())
                            .isTrue();
                    assertThat(ageAt(p, e.start())).isGreaterThanOrEqualTo(30);
                }
            }
            if (p.hasCondition(BREAST_CANCER)) {
                assertThat(male(p)).isFalse();
            }
        }
        // SEER 2017-2021 age-adjusted incidence: lung 49 and female breast 129 per 100,000 person-years.
        assertThat(cohort.incidencePer100k(NSCLC, p -> true) + cohort.incidencePer100k(SCLC, p -> true))
                .isBetween(15.0, 120.0);
        assertThat(cohort.incidencePer100k(BREAST_CANCER, p -> !male(p))).isBetween(50.0, 260.0);
    }

    @Test
    void womenAreScreenedByMammographyAt50To74() {
        // NHIS 2019: 76 % of women 50-74 had a mammogram in the past two years.
        assertThat(mammographyWithinTwoYears().value()).isBetween(0.65, 0.87);
        assertThat(cohort.patients().stream()
                        .filter(ModuleCohort::male)
                        .flatMap(PatientRecord::procedures)
                        .filter(pr -> pr.code().sameConcept(MAMMOGRAPHY)))
                .isEmpty();
    }

    static ModuleCohort.Share mammographyWithinTwoYears() {
        return share(p -> !male(p) && between(p, 50, 74), p -> p.procedures()
                .anyMatch(pr -> pr.code().sameConcept(MAMMOGRAPHY)
                        && pr.start().isAfter(cohort.end().minusSeconds(2 * 365 * 86400L))));
    }

    @Test
    void alzheimersPatientsAreOldAndTheirMmseFallsOverTheYears() {
        List<PatientRecord> patients = cohort.patients().stream()
                .filter(p -> !diagnosisEncounters(p, ALZHEIMERS).isEmpty())
                .toList();
        assertThat(patients).isNotEmpty().allSatisfy(p -> {
            Encounter diagnosis = diagnosisEncounters(p, ALZHEIMERS).get(0);
            assertThat(ageAt(p, diagnosis.start())).isGreaterThanOrEqualTo(65);
            assertThat(observations(diagnosis, MMSE))
                    .allSatisfy(o -> assertThat(value(o)).isBetween(19.0, 25.0));
            // Moderate disease from two years after the diagnosis: MMSE 18 or less.
            p.observations()
                    .filter(o -> o.code().sameConcept(MMSE)
                            && o.effective().isAfter(diagnosis.start().plusSeconds(2 * 365 * 86400L)))
                    .forEach(o -> assertThat(value(o)).isLessThanOrEqualTo(18.0));
        });
        assertThat(patients.stream()
                        .flatMap(PatientRecord::observations)
                        .filter(o -> o.code().sameConcept(MMSE) && value(o) <= 9))
                .as("some reach severe disease")
                .isNotEmpty();
        // Rajan et al. 2021: 10.9 % of people 65+ have Alzheimer's dementia.
        assertThat(cohort.prevalence(ALZHEIMERS, p -> ageAt(p, cohort.end()) >= 65)
                        .value())
                .isBetween(0.04, 0.18);
    }

    static boolean between(PatientRecord p, int low, int high) {
        int age = ageAt(p, cohort.end());
        return age >= low && age <= high;
    }
}
