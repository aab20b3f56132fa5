package io.synthfhir.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.RunTag;
import io.synthfhir.model.Address;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Allergy;
import io.synthfhir.model.AllergyCategory;
import io.synthfhir.model.CareProvider;
import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.ConditionCategory;
import io.synthfhir.model.Demographics;
import io.synthfhir.model.Dosage;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.Ethnicity;
import io.synthfhir.model.Medication;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Race;
import io.synthfhir.testing.UsCoreValidator;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

/**
 * The elements the mapper writes so that extraction reads a record back whole — the encounter setting
 * (serviceType), a medication's end (dispense validity period), an as-needed dosage's schedule, an allergy's
 * abatement (HL7 extensions pack), the recorded date of a problem-list item older than its encounter — validate
 * against US Core 6.1.0 with no error. The 200-patient conformance test may meet none of them (allergies are rare).
 */
class LosslessMappingConformsToUsCoreTest {
    static final Instant REFERENCE = Instant.parse("2026-11-22T00:00:00Z");

    @Test
    void losslessElementsValidateAgainstUsCore() {
        Instant visit = Instant.parse("2024-03-05T09:00:00Z");
        Encounter.Builder wellness = Encounter.builder(
                        EncounterClass.WELLNESS, Code.snomed("410620009", "Well child visit (procedure)"), visit)
                .end(visit.plusSeconds(1800));
        wellness.conditions.add(new Condition(
                Code.snomed("195967001", "Asthma (disorder)"),
                Instant.parse("2015-06-01T10:00:00Z"),
                null,
                ConditionCategory.PROBLEM_LIST_ITEM));
        wellness.medications.add(new Medication(
                Code.rxnorm("2123111", "NDA020503 200 ACTUAT Albuterol 0.09 MG/ACTUAT Metered Dose Inhaler"),
                visit,
                Instant.parse("2025-03-05T09:00:00Z"),
                Code.snomed("195967001", "Asthma (disorder)"),
                new Dosage(2, 4, 1, "d", true)));
        wellness.allergies.add(new Allergy(
                Code.snomed("300916003", "Latex allergy (finding)"),
                AllergyCategory.ENVIRONMENT,
                visit,
                Instant.parse("2025-01-01T00:00:00Z")));
        Encounter urgent = Encounter.builder(
                        EncounterClass.URGENT_CARE,
                        Code.snomed("702927004", "Urgent care clinic (environment)"),
                        visit.plusSeconds(86_400 * 30))
                .build();
        Address home = new Address("1 Main Street", "Springfield", "MA", "01101", "US");
        PatientRecord record = new PatientRecord(
                "lossless-1",
                new Demographics(
                        "Ada",
                        "Lovelace",
                        AdministrativeSex.FEMALE,
                        LocalDate.of(2012, 4, 1),
                        Race.WHITE,
                        Ethnicity.NON_HISPANIC,
                        home),
                new CareProvider("Springfield Clinic", home, "Grace", "Hopper"),
                null,
                List.of(wellness.build(), urgent));
        Bundle bundle = new PatientBundleMapper()
                .toBundle(
                        List.of(record),
                        new PatientBundleMapper.Options(
                                Bundle.BundleType.COLLECTION,
                                Set.of(),
                                REFERENCE,
                                new RunTag(GeneratorMode.RULES, 1, "test")));

        List<String> errors = new ArrayList<>();
        for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
            Resource r = entry.getResource();
            UsCoreValidator.get().errors(r).forEach(e -> errors.add(r.fhirType() + " " + e));
        }
        AllergyIntolerance allergy = (AllergyIntolerance) bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(AllergyIntolerance.class::isInstance)
                .findFirst()
                .orElseThrow();
        MedicationRequest request = (MedicationRequest) bundle.getEntry().stream()
                .map(Bundle.BundleEntryComponent::getResource)
                .filter(MedicationRequest.class::isInstance)
                .findFirst()
                .orElseThrow();

        assertThat(allergy.getExtensionByUrl(UsCore.ALLERGY_ABATEMENT)).isNotNull();
        assertThat(request.getDispenseRequest().getValidityPeriod().hasEnd()).isTrue();
        assertThat(request.getDosageInstructionFirstRep()
                        .getTiming()
                        .getRepeat()
                        .getFrequency())
                .isEqualTo(4);
        assertThat(errors).isEmpty();
    }
}
