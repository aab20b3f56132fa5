package io.synthfhir.fhir;

/**
 * Canonical URLs and code systems of US Core 6.1.0 and the FHIR terminology the mappers use; public so that
 * extraction ({@code io.synthfhir.fhir.extract}) reads exactly what the mappers write.
 */
public final class UsCore {
    private UsCore() {}

    public static final String SD = "http://hl7.org/fhir/us/core/StructureDefinition/";
    public static final String PATIENT = SD + "us-core-patient";
    public static final String ENCOUNTER = SD + "us-core-encounter";
    public static final String CONDITION_ENCOUNTER = SD + "us-core-condition-encounter-diagnosis";
    public static final String CONDITION_PROBLEM = SD + "us-core-condition-problems-health-concerns";
    public static final String OBSERVATION_LAB = SD + "us-core-observation-lab";
    public static final String OBSERVATION_CLINICAL = SD + "us-core-observation-clinical-result";
    public static final String OBSERVATION_SCREENING = SD + "us-core-observation-screening-assessment";
    public static final String SMOKING_STATUS = SD + "us-core-smokingstatus";
    public static final String VITAL_SIGNS = SD + "us-core-vital-signs";
    public static final String MEDICATION_REQUEST = SD + "us-core-medicationrequest";
    public static final String PROCEDURE = SD + "us-core-procedure";
    public static final String IMMUNIZATION = SD + "us-core-immunization";
    public static final String ALLERGY = SD + "us-core-allergyintolerance";
    public static final String ORGANIZATION = SD + "us-core-organization";
    public static final String PRACTITIONER = SD + "us-core-practitioner";
    public static final String RACE = SD + "us-core-race";
    public static final String ETHNICITY = SD + "us-core-ethnicity";
    public static final String BIRTH_SEX = SD + "us-core-birthsex";

    public static final String CDC_RACE_ETHNICITY = "urn:oid:2.16.840.1.113883.6.238";
    public static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
    public static final String ACT_CODE = "http://terminology.hl7.org/CodeSystem/v3-ActCode";
    public static final String PARTICIPATION_TYPE = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";
    public static final String INTERPRETATION = "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation";
    public static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
    public static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
    public static final String US_CORE_CONDITION_CATEGORY = "http://hl7.org/fhir/us/core/CodeSystem/condition-category";
    public static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
    public static final String CONDITION_VERIFICATION = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
    public static final String ALLERGY_CLINICAL = "http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical";
    public static final String ALLERGY_VERIFICATION =
            "http://terminology.hl7.org/CodeSystem/allergyintolerance-verification";
    public static final String IDENTIFIER_TYPE = "http://terminology.hl7.org/CodeSystem/v2-0203";
    public static final String UCUM = "http://unitsofmeasure.org";

    /** Identifier systems of our own: synthetic identifiers must never collide with real NPIs or MRNs. */
    public static final String PATIENT_ID_SYSTEM = "https://synthfhir.io/fhir/sid/patient";

    public static final String PRACTITIONER_ID_SYSTEM = "https://synthfhir.io/fhir/sid/practitioner";
    public static final String ORGANIZATION_ID_SYSTEM = "https://synthfhir.io/fhir/sid/organization";

    /**
     * Our setting of an encounter, in Encounter.serviceType: v3 ActCode (Encounter.class) has one code, AMB, for
     * ambulatory, wellness, outpatient and urgent-care visits, and the model tells them apart. Codes are the model's
     * {@code EncounterClass} names in lower case without underscores ({@code wellness}, {@code urgentcare}, ...).
     */
    public static final String ENCOUNTER_SETTING = "https://synthfhir.io/fhir/CodeSystem/encounter-setting";

    /** HL7 extensions pack: when an allergy resolved (R4 AllergyIntolerance has no abatement element). */
    public static final String ALLERGY_ABATEMENT =
            "http://hl7.org/fhir/StructureDefinition/allergyintolerance-abatement";
}
