package io.synthfhir.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.model.AdministrativeSex;
import java.time.LocalDate;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheaAttributesTest {

    private static Person person(AdministrativeSex sex, String ses) {
        Person p = new Person(new SplittableRandom(4), LocalDate.of(1950, 1, 1), sex, Steering.NONE);
        p.body = Lifecycle.body(p);
        p.attributes.put("socioeconomic_category", ses);
        p.synthea = SyntheaAttributes.atBirth(p);
        return p;
    }

    @Test
    void cardiovascularRisksRiseWithAgeAndAreHigherForMen() {
        Person man = person(AdministrativeSex.MALE, "Middle");
        Person woman = person(AdministrativeSex.FEMALE, "Middle");
        SyntheaAttributes.yearly(man, 50);
        double at50 = (double) man.attribute("mi_risk");
        SyntheaAttributes.yearly(man, 74);
        double at74 = (double) man.attribute("mi_risk");
        SyntheaAttributes.yearly(woman, 74);
        assertThat(at74).isCloseTo(4 * at50, org.assertj.core.data.Percentage.withPercentage(5));
        assertThat((double) woman.attribute("mi_risk")).isLessThan(at74);
        Person young = person(AdministrativeSex.MALE, "Middle");
        SyntheaAttributes.yearly(young, 20);
        assertThat((double) young.attribute("stroke_risk")).isZero();
        assertThat(young.attribute("insurance_status")).isNotEqualTo("medicare");
        SyntheaAttributes.yearly(young, 66);
        assertThat(young.attribute("insurance_status")).isEqualTo("medicare");
    }

    @Test
    void metabolicPanelFollowsDiabetesAndKidneyDiseaseStage() {
        Person p = person(AdministrativeSex.FEMALE, "Low");
        SyntheaAttributes.panel(p, p.synthea, 60);
        double glucose = p.vital(Vital.GLUCOSE);
        double egfr = p.vital(Vital.EGFR);
        double creatinine = p.vital(Vital.CREATININE);
        assertThat(glucose).isBetween(60.0, 110.0);
        p.attributes.put("diabetes", true);
        p.attributes.put("ckd", 4.0);
        SyntheaAttributes.panel(p, p.synthea, 60);
        assertThat(p.vital(Vital.GLUCOSE)).isGreaterThan(glucose);
        assertThat(p.vital(Vital.EGFR)).isBetween(10.0, 35.0).isLessThan(egfr);
        assertThat(p.vital(Vital.CREATININE)).isGreaterThan(creatinine);
        assertThat(p.attribute("education")).isIn("less_than_hs", "hs_degree", "some_college", "bs_degree");
        assertThat(SyntheaAttributes.normalCdf(1.6448536)).isCloseTo(0.95, org.assertj.core.data.Offset.offset(1e-6));
    }
}
