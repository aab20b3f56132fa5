package io.synthfhir.fhir.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.EncounterClass;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.model.Race;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * US Core data as other servers hold it: a searchset with relative, absolute and versioned references, a contained
 * Medication, missing optional elements, resources the model has no place for, and events without an encounter.
 * What can be mapped is; the rest is counted by reason; nothing throws.
 */
class OtherSourcesTest {

    static final String SEARCHSET =
            """
            {"resourceType": "Bundle", "type": "searchset", "entry": [
             {"fullUrl": "http://example.org/fhir/Patient/p1", "resource": {"resourceType": "Patient", "id": "p1",
               "gender": "unknown", "birthDate": "1970-05",
               "extension": [{"url": "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex",
                              "valueCode": "F"}]}},
             {"fullUrl": "http://example.org/fhir/Patient/p2", "resource": {"resourceType": "Patient", "id": "p2",
               "gender": "other", "birthDate": "1980-01-01"}},
             {"fullUrl": "http://example.org/fhir/Encounter/e1", "resource": {"resourceType": "Encounter", "id": "e1",
               "status": "finished", "class": {"code": "EMER"}, "subject": {"reference": "Patient/p1"},
               "period": {"start": "2020-01-02T10:00:00Z", "end": "2020-01-02T14:00:00Z"}}},
             {"fullUrl": "http://example.org/fhir/Encounter/e2", "resource": {"resourceType": "Encounter", "id": "e2",
               "status": "cancelled", "class": {"code": "AMB"}, "subject": {"reference": "Patient/p1"},
               "period": {"start": "2020-02-01T10:00:00Z"}}},
             {"fullUrl": "http://example.org/fhir/Condition/c1", "resource": {"resourceType": "Condition", "id": "c1",
               "code": {"coding": [{"system": "http://snomed.info/sct", "code": "195662009",
                                     "display": "Acute viral pharyngitis"}]},
               "subject": {"reference": "http://example.org/fhir/Patient/p1/_history/3"},
               "encounter": {"reference": "Encounter/e1"}, "onsetDateTime": "2020-01-02T11:00:00Z"}},
             {"fullUrl": "http://example.org/fhir/MedicationRequest/m1", "resource": {
               "resourceType": "MedicationRequest", "id": "m1", "status": "active", "intent": "order",
               "contained": [{"resourceType": "Medication", "id": "med1", "code": {"coding": [{
                 "system": "http://www.nlm.nih.gov/research/umls/rxnorm", "code": "308182",
                 "display": "Amoxicillin 250 MG Oral Capsule"}]}}],
               "medicationReference": {"reference": "#med1"}, "subject": {"reference": "Patient/p1"},
               "authoredOn": "2020-01-02T13:00:00Z", "reasonReference": [{"reference": "Condition/c1"}]}},
             {"fullUrl": "http://example.org/fhir/Observation/o1", "resource": {"resourceType": "Observation",
               "id": "o1", "status": "final", "category": [{"coding": [{
                 "system": "http://terminology.hl7.org/CodeSystem/observation-category", "code": "therapy"}]}],
               "code": {"coding": [{"system": "http://loinc.org", "code": "1-1"}]},
               "subject": {"reference": "Patient/p1"}, "effectiveDateTime": "2020-01-02T12:00:00Z"}},
             {"fullUrl": "http://example.org/fhir/Observation/o2", "resource": {"resourceType": "Observation",
               "id": "o2", "status": "final", "category": [{"coding": [{"code": "laboratory"}]}],
               "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0", "display": "Glucose"}]},
               "subject": {"reference": "Patient/p1"}, "encounter": {"reference": "Encounter/e1"},
               "effectiveDateTime": "2020-01-02T12:00:00Z",
               "valueQuantity": {"value": 5.4, "unit": "mmol/L", "system": "http://unitsofmeasure.org",
                                 "code": "mmol/L"},
               "referenceRange": [{"low": {"value": 3.9}, "high": {"value": 5.6}}],
               "interpretation": [{"coding": [{"code": "N"}]}]}},
             {"fullUrl": "http://example.org/fhir/Observation/o3", "resource": {"resourceType": "Observation",
               "id": "o3", "status": "final", "category": [{"coding": [{"code": "laboratory"}]}],
               "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0"}]},
               "subject": {"reference": "Patient/elsewhere"}, "effectiveDateTime": "2020-01-02T12:00:00Z"}},
             {"fullUrl": "http://example.org/fhir/Observation/o4", "resource": {"resourceType": "Observation",
               "id": "o4", "status": "final", "category": [{"coding": [{"code": "laboratory"}]}],
               "code": {"coding": [{"system": "http://loinc.org", "code": "2339-0"}]},
               "subject": {"reference": "Patient/p2"}, "effectiveDateTime": "2020-01-02T12:00:00Z"}},
             {"fullUrl": "http://example.org/fhir/Procedure/x1", "resource": {"resourceType": "Procedure", "id": "x1",
               "status": "not-done", "code": {"coding": [{"system": "http://snomed.info/sct", "code": "1"}]},
               "subject": {"reference": "Patient/p1"}, "performedDateTime": "2020-01-02T12:00:00Z"}},
             {"fullUrl": "http://example.org/fhir/Immunization/i1", "resource": {"resourceType": "Immunization",
               "id": "i1", "status": "completed", "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/sid/cvx",
               "code": "140"}]}, "patient": {"reference": "Patient/p1"}, "occurrenceDateTime": "2021-10-01"}},
             {"fullUrl": "http://example.org/fhir/DiagnosticReport/d1", "resource": {
               "resourceType": "DiagnosticReport", "id": "d1", "status": "final",
               "code": {"coding": [{"system": "http://loinc.org", "code": "24323-8"}]},
               "subject": {"reference": "Patient/p1"}}}
            ]}
            """;

    @Test
    void searchsetFromAnotherServerMapsWhatTheModelHoldsAndCountsTheRest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("searchset.json");
        Files.writeString(file, SEARCHSET);

        Extraction extraction = FhirFiles.read(file);

        assertThat(extraction.records()).hasSize(1);
        PatientRecord p1 = extraction.records().get(0);
        assertThat(p1.id()).isEqualTo("p1");
        assertThat(p1.demographics().sex()).isEqualTo(AdministrativeSex.FEMALE);
        assertThat(p1.demographics().birthDate()).hasToString("1970-05-01");
        assertThat(p1.demographics().race()).isEqualTo(Race.OTHER);
        assertThat(p1.encounters()).hasSize(2);
        Encounter emergency = p1.encounters().get(0);
        assertThat(emergency.encounterClass()).isEqualTo(EncounterClass.EMERGENCY);
        assertThat(emergency.type().code()).isEqualTo("EMER");
        assertThat(emergency.conditions())
                .singleElement()
                .satisfies(c -> assertThat(c.code().code()).isEqualTo("195662009"));
        // No encounter reference: placed in the encounter whose period contains its time; drug from the contained
        // Medication, indication from the referenced Condition.
        assertThat(emergency.medications()).singleElement().satisfies(m -> {
            assertThat(m.code()).isEqualTo(Code.rxnorm("308182", "Amoxicillin 250 MG Oral Capsule"));
            assertThat(m.reason().code()).isEqualTo("195662009");
        });
        assertThat(emergency.observations()).singleElement().satisfies(o -> {
            assertThat(o.quantity().value()).isEqualTo(5.4);
            assertThat(o.range().high()).isEqualTo(5.6);
            assertThat(o.interpretation()).isNotNull();
        });
        // Inside no encounter: a visit of its own, at the start of the day it names.
        Encounter own = p1.encounters().get(1);
        assertThat(own.type()).isEqualTo(PatientAssembler.UNATTACHED);
        assertThat(own.start()).isEqualTo(Instant.parse("2021-10-01T00:00:00Z"));
        assertThat(own.immunizations()).hasSize(1);

        ExtractionReport report = extraction.report();
        assertThat(report.totalRead()).isEqualTo(13);
        assertThat(report.totalMapped() + report.totalSkipped()).isEqualTo(13);
        assertThat(report.skipped())
                .containsEntry("Patient: gender is neither male nor female and there is no US Core birth sex", 1L)
                .containsEntry("Encounter: status cancelled: the visit did not take place", 1L)
                .containsEntry("Observation: category 'therapy' is not one the model holds", 1L)
                .containsEntry("Observation: subject is not a Patient of the input (missing, or skipped itself)", 2L)
                .containsEntry("Procedure: status not-done", 1L)
                .containsEntry("DiagnosticReport: resource type not held by the model", 1L);
        assertThat(report.adjusted())
                .containsEntry("Visit created for events that no encounter holds", 1L)
                .containsEntry("MedicationRequest: placed in the encounter containing its time", 1L)
                .containsEntry("Encounter: no coded type, its class taken as the type", 1L);
    }

    @Test
    void malformedLineIsAnErrorNamingFileAndLine(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("broken.ndjson");
        String bundle = "{\"resourceType\": \"Bundle\", \"type\": \"collection\"}";
        Files.write(file, List.of(bundle, "", bundle, "{\"resourceType\": \"Bundle\", \"type\": "));

        assertThatThrownBy(() -> NdjsonBundleReader.read(file))
                .isInstanceOf(FhirInputException.class)
                .hasMessageStartingWith(file + ":4: not a FHIR R4 JSON resource")
                .satisfies(e -> assertThat(((FhirInputException) e).line()).isEqualTo(4));
    }

    @Test
    void resourceWhereABundleBelongsIsAnErrorNamingTheLineAndTheReaderToUse(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("patients.ndjson");
        Files.write(file, List.of("{\"resourceType\": \"Patient\", \"id\": \"a\"}"));

        assertThatThrownBy(() -> NdjsonBundleReader.read(file))
                .isInstanceOf(FhirInputException.class)
                .hasMessageContaining(file + ":1: a Patient where a Bundle was expected")
                .hasMessageContaining("BulkNdjsonReader");
        // Told by content, the same file reads as Bulk Data.
        assertThat(FhirFiles.read(file).records()).isEmpty();
        assertThat(FhirFiles.read(file).report().skipped())
                .containsOnlyKeys("Patient: gender is neither male nor female and there is no US Core birth sex");
    }
}
