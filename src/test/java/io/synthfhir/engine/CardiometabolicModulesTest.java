package io.synthfhir.engine;

import static io.synthfhir.engine.Cohorts.has;
import static io.synthfhir.engine.Cohorts.living;
import static io.synthfhir.engine.Cohorts.loinc;
import static io.synthfhir.engine.Cohorts.rxnorm;
import static io.synthfhir.engine.Cohorts.share;
import static io.synthfhir.engine.Cohorts.snomed;
import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Interpretation;
import io.synthfhir.model.Observation;
import io.synthfhir.model.PatientRecord;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The cardio-metabolic and chronic disease modules (obesity, COPD, chronic kidney disease, heart failure, coronary
 * heart disease with myocardial infarction, atrial fibrillation, stroke; prediabetes lives in type2_diabetes): each
 * diagnosis follows its measurements, treatment follows the guideline shares of the module's remarks, and prevalence
 * sits in a band around the sourced figure. Prints the prevalence table of docs/clinical-validity.md.
 */
class CardiometabolicModulesTest {
    static final Code OBESITY = snomed("414916001");
    static final Code MORBID_OBESITY = snomed("238136002");
    static final Code COPD = snomed("13645005");
    static final Code CKD = snomed("709044004");
    static final Code CKD_4 = snomed("431857002");
    static final Code CKD_5 = snomed("433146000");
    static final Code HEART_FAILURE = snomed("88805009");
    static final Code CHD = snomed("53741008");
    static final Code MI = snomed("22298006");
    static final Code HISTORY_OF_MI = snomed("399211009");
    static final Code AF = snomed("49436004");
    static final Code STROKE = snomed("230690007");
    static final Code HYPERTENSION = snomed("59621000");
    static final Code DIABETES = snomed("44054006");
    static final Code PREDIABETES = snomed("714628002");
    static final Code BMI = loinc("39156-5");
    static final Code FEV1_FVC = loinc("19926-5");
    static final Code EGFR = loinc("33914-3");
    static final Code NT_PROBNP = loinc("33762-6");
    static final Code TROPONIN = loinc("6598-7");
    static final Code HBA1C = loinc("4548-4");
    static final Code INR = loinc("6301-6");
    static final Code SMOKES_DAILY = snomed("449868002");
    static final Code CKD_FOLLOW_UP = snomed("390906007");
    static final Code APIXABAN = rxnorm("1364445");
    static final Code WARFARIN = rxnorm("855332");

    static List<PatientRecord> cohort;
    static List<PatientRecord> adults;

    @BeforeAll
    static void generate() {
        cohort = Cohorts.shared();
        adults = living(cohort, 18, 200);
        System.out.println("CardiometabolicModulesTest prevalence, living adults (seed " + Cohorts.SEED
                + ", reference date " + Cohorts.REFERENCE + "):");
        print("obesity", OBESITY, 40, 60);
        print("morbid obesity", MORBID_OBESITY, 40, 60);
        print("COPD", COPD, 45, 65);
        print("chronic kidney disease 3-5", CKD, 40, 60);
        print("heart failure", HEART_FAILURE, 40, 60);
        print("coronary heart disease", CHD, 40, 60);
        print("myocardial infarction or its history", MI, 40, 60);
        print("atrial fibrillation", AF, 55, 80);
        print("stroke", STROKE, 40, 60);
        print("prediabetes", PREDIABETES, 45, 65);
    }

    private static void print(String name, Code code, int... bands) {
        System.out.println("  " + name + ": " + Cohorts.byAge(cohort, code, bands));
    }

    static Stream<Observation> observations(PatientRecord r, Code code) {
        return r.observations().filter(o -> o.code().sameConcept(code) && o.quantity() != null);
    }

    static boolean takes(PatientRecord r, Code drug) {
        return r.medications().anyMatch(m -> m.code().sameConcept(drug));
    }

    @Test
    void obesityIsDiagnosedFromMeasuredBmiNearNhanesPrevalence() {
        List<PatientRecord> obese = adults.stream().filter(has(OBESITY)).toList();
        assertThat(obese).allSatisfy(r -> assertThat(observations(r, BMI)
                        .mapToDouble(o -> o.quantity().value())
                        .max()
                        .orElse(0))
                .isGreaterThanOrEqualTo(30));
        assertThat(adults.stream().filter(has(MORBID_OBESITY))).allMatch(has(OBESITY));
        // NHANES 2017-March 2020: 41.9 % of adults, 9.2 % severe.
        assertThat(share(adults, has(OBESITY)).value()).isBetween(0.30, 0.50);
        assertThat(share(adults, has(MORBID_OBESITY)).value()).isBetween(0.02, 0.12);
    }

    @Test
    void copdIsConfirmedBySpirometryAndCommonerInSmokers() {
        List<PatientRecord> copd = adults.stream().filter(has(COPD)).toList();
        assertThat(copd).isNotEmpty().allSatisfy(r -> assertThat(observations(r, FEV1_FVC))
                .allSatisfy(o -> {
                    assertThat(o.quantity().value()).isLessThan(70);
                    assertThat(o.interpretation()).isEqualTo(Interpretation.LOW);
                }));
        List<PatientRecord> over40 = living(cohort, 40, 200);
        double smokers = share(
                        over40.stream()
                                .filter(CardiometabolicModulesTest::smokes)
                                .toList(),
                        has(COPD))
                .value();
        double others = share(over40.stream().filter(r -> !smokes(r)).toList(), has(COPD))
                .value();
        assertThat(smokers).isGreaterThan(2.5 * others);
        // BRFSS 2017: 6.2 % of adults.
        assertThat(share(adults, has(COPD)).value()).isBetween(0.035, 0.10);
    }

    private static boolean smokes(PatientRecord r) {
        return r.observations().anyMatch(o -> SMOKES_DAILY.sameConcept(o.codedValue()));
    }

    @Test
    void kidneyDiseaseStagesFollowEgfrAndDiabetesOrHypertension() {
        List<PatientRecord> ckd = adults.stream().filter(has(CKD)).toList();
        assertThat(ckd).isNotEmpty();
        for (PatientRecord r : ckd) {
            List<Observation> followUps = r.encounters().stream()
                    .filter(e -> CKD_FOLLOW_UP.sameConcept(e.type()))
                    .flatMap(e -> e.observations().stream())
                    .filter(o -> o.code().sameConcept(EGFR))
                    .toList();
            assertThat(followUps)
                    .allSatisfy(o -> assertThat(o.quantity().value()).isBetween(6.0, 59.0));
            assertThat(followUps).allSatisfy(o -> assertThat(o.interpretation()).isEqualTo(Interpretation.LOW));
            Condition stage4 = r.conditions()
                    .filter(c -> c.code().sameConcept(CKD_4))
                    .findFirst()
                    .orElse(null);
            if (stage4 != null) {
                assertThat(followUps.stream().filter(o -> o.effective().isAfter(stage4.onset())))
                        .allSatisfy(o -> assertThat(o.quantity().value()).isLessThan(30));
            }
        }
        // Diabetes and hypertension are CKD's leading causes: far commoner among CKD patients than other adults.
        double linked = share(ckd, r -> r.hasCondition(DIABETES) || r.hasCondition(HYPERTENSION))
                .value();
        double elsewhere = share(
                        living(cohort, 60, 200).stream()
                                .filter(r -> !r.hasCondition(CKD))
                                .toList(),
                        r -> r.hasCondition(DIABETES) || r.hasCondition(HYPERTENSION))
                .value();
        assertThat(linked).isGreaterThan(elsewhere + 0.1);
        // Coresh et al. 2007: stage 3 in 7.7 %, stage 4 in 0.35 % of adults.
        assertThat(share(adults, has(CKD)).value()).isBetween(0.04, 0.12);
        assertThat(share(adults, r -> r.hasCondition(CKD_4) || r.hasCondition(CKD_5))
                        .value())
                .isLessThan(0.02);
    }

    @Test
    void heartFailurePatientsHaveRaisedNtProBnpAndAreTreated() {
        List<PatientRecord> hf = adults.stream().filter(has(HEART_FAILURE)).toList();
        assertThat(hf).isNotEmpty().allSatisfy(r -> assertThat(observations(r, NT_PROBNP))
                .isNotEmpty()
                .allSatisfy(o -> assertThat(o.interpretation()).isEqualTo(Interpretation.HIGH)));
        assertThat(observations(adults.stream().filter(r -> !r.hasCondition(HEART_FAILURE)), NT_PROBNP))
                .isEmpty();
        // CHAMP-HF: 73 % on an ACE inhibitor/ARB/ARNI, 67 % on a beta-blocker (with those on them for hypertension).
        assertThat(share(hf, r -> takes(r, rxnorm("314076"))).value()).isBetween(0.6, 0.95);
        assertThat(share(hf, r -> takes(r, rxnorm("866412"))).value()).isBetween(0.55, 0.95);
        // AHA 2023: about 2.5 % of adults.
        assertThat(share(adults, has(HEART_FAILURE)).value()).isBetween(0.012, 0.05);
    }

    private static Stream<Observation> observations(Stream<PatientRecord> records, Code code) {
        return records.flatMap(r -> observations(r, code));
    }

    @Test
    void infarctionsHaveRaisedTroponinAndComeWithCoronaryDisease() {
        List<PatientRecord> mi = adults.stream()
                .filter(r -> r.hasCondition(MI) || r.hasCondition(HISTORY_OF_MI))
                .toList();
        assertThat(mi).isNotEmpty().allMatch(has(CHD));
        for (PatientRecord r : mi) {
            for (Encounter e : r.encounters()) {
                if (e.conditions().stream()
                        .anyMatch(c -> c.code().sameConcept(MI) && !c.onset().isBefore(e.start()))) {
                    assertThat(e.observations().stream().filter(o -> o.code().sameConcept(TROPONIN)))
                            .singleElement()
                            .satisfies(o -> assertThat(o.interpretation()).isEqualTo(Interpretation.HIGH));
                }
            }
        }
        List<PatientRecord> chd = adults.stream().filter(has(CHD)).toList();
        assertThat(share(chd, r -> takes(r, rxnorm("243670"))).value()).isBetween(0.75, 0.97);
        assertThat(share(chd, r -> takes(r, rxnorm("259255"))).value()).isBetween(0.6, 0.9);
        // AHA 2023: coronary heart disease in 7.1 % of adults, MI in 3.2 %.
        assertThat(share(adults, has(CHD)).value()).isBetween(0.04, 0.11);
        assertThat(share(mi, r -> true).numerator() / (double) adults.size()).isBetween(0.015, 0.05);
    }

    @Test
    void anticoagulationFollowsChadsVascAndWarfarinRaisesInr() {
        List<PatientRecord> af = adults.stream().filter(has(AF)).toList();
        assertThat(af).isNotEmpty();
        List<PatientRecord> anticoagulated = af.stream()
                .filter(r -> takes(r, APIXABAN) || takes(r, WARFARIN))
                .toList();
        // Eligibility only grows with age and diagnoses, so whoever got an anticoagulant is eligible today.
        assertThat(anticoagulated).isNotEmpty().allMatch(r -> chadsVascWithoutSex(r) >= 2);
        // NCDR PINNACLE 2014: 61 % of eligible patients; some became eligible since their last visit.
        List<PatientRecord> eligible =
                af.stream().filter(r -> chadsVascWithoutSex(r) >= 2).toList();
        Cohorts.Share treated = share(eligible, r -> takes(r, APIXABAN) || takes(r, WARFARIN));
        System.out.println(
                "CardiometabolicModulesTest: AF patients with CHA2DS2-VASc >= 2 (3 in women) anticoagulated: "
                        + treated);
        assertThat(treated.value()).isBetween(0.45, 0.75);
        List<Observation> inr =
                observations(af.stream().filter(r -> takes(r, WARFARIN)), INR).toList();
        assertThat(inr).isNotEmpty();
        assertThat(inr.stream()
                        .filter(o -> o.interpretation() == Interpretation.HIGH)
                        .count())
                .isGreaterThan(inr.size() * 3L / 4);
        // ATRIA: 0.95 % of adults, 9 % at 80+; later estimates 2-4 %.
        assertThat(share(adults, has(AF)).value()).isBetween(0.008, 0.05);
    }

    /** CHA2DS2-VASc without its sex point, from the record's diagnoses and the patient's age today. */
    static int chadsVascWithoutSex(PatientRecord r) {
        int age = Cohorts.age(r);
        int score = (age >= 65 ? 1 : 0) + (age >= 75 ? 1 : 0);
        score += r.hasCondition(HYPERTENSION) ? 1 : 0;
        score += r.hasCondition(DIABETES) ? 1 : 0;
        score += r.hasCondition(HEART_FAILURE) ? 1 : 0;
        score += r.hasCondition(STROKE) ? 2 : 0;
        score += r.hasCondition(CHD) ? 1 : 0;
        return score;
    }

    @Test
    void strokeIsCommonerWithAtrialFibrillation() {
        List<PatientRecord> over60 = living(cohort, 60, 200);
        double withAf =
                share(over60.stream().filter(has(AF)).toList(), has(STROKE)).value();
        double withoutAf = share(
                        over60.stream().filter(r -> !r.hasCondition(AF)).toList(), has(STROKE))
                .value();
        assertThat(withAf).isGreaterThan(1.5 * withoutAf);
        // AHA 2023: about 3 % of adults have had a stroke.
        assertThat(share(adults, has(STROKE)).value()).isBetween(0.012, 0.05);
    }

    @Test
    void prediabetesIsDiagnosedByHba1cAndProgressesToDiabetes() {
        long diagnosedInWindow = 0;
        for (PatientRecord r : adults) {
            for (Encounter e : r.encounters()) {
                boolean diagnosedHere = e.conditions().stream()
                        .anyMatch(c ->
                                c.code().sameConcept(PREDIABETES) && !c.onset().isBefore(e.start()));
                if (diagnosedHere) {
                    diagnosedInWindow++;
                    assertThat(e.observations().stream().filter(o -> o.code().sameConcept(HBA1C)))
                            .anySatisfy(o -> assertThat(o.quantity().value()).isBetween(5.7, 6.4));
                }
            }
        }
        assertThat(diagnosedInWindow).isGreaterThan(100);
        // Progression: prediabetes ends when diabetes is diagnosed.
        List<PatientRecord> progressed = adults.stream()
                .filter(r -> r.conditions().anyMatch(c -> c.code().sameConcept(PREDIABETES) && c.abatement() != null))
                .toList();
        assertThat(progressed).isNotEmpty().allMatch(has(DIABETES));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"414916001", "13645005", "709044004", "88805009", "53741008", "22298006", "49436004", "230690007"
            })
    void conditionSteeringGivesEveryPatientTheDiagnosis(String code) {
        Code target = snomed(code);
        CohortSpec spec =
                CohortSpec.defaults(11, Cohorts.REFERENCE).withAges(60, 85).withCondition(target);
        Cohorts.GENERATOR.check(spec);
        for (int i = 0; i < 10; i++) {
            assertThat(Cohorts.GENERATOR.generate(spec, i).hasCondition(target))
                    .as("patient %d has %s", i, code)
                    .isTrue();
        }
    }
}
