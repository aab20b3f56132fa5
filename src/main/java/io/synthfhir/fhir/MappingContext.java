package io.synthfhir.fhir;

import io.synthfhir.generate.RunTag;
import io.synthfhir.model.CareProvider;
import io.synthfhir.model.PatientRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * What every mapper of one patient shares: the run tag, the reference instant ("now" for statuses), and the
 * deterministic resource ids. Ids are name-based UUIDs of the record id and the event's position, so the same record
 * always maps to the same bytes, and references resolve inside the bundle through {@code urn:uuid:} full URLs.
 */
final class MappingContext {
    private final PatientRecord record;
    private final RunTag tag;
    private final Instant reference;

    MappingContext(PatientRecord record, RunTag tag, Instant reference) {
        this.record = record;
        this.tag = tag;
        this.reference = reference;
    }

    PatientRecord record() {
        return record;
    }

    Instant reference() {
        return reference;
    }

    String id(String path) {
        return uuid(record.id() + "/" + path);
    }

    static String uuid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    String patientId() {
        return id("Patient");
    }

    Reference patientReference() {
        return reference(patientId());
    }

    String encounterId(int encounter) {
        return id("Encounter/" + encounter);
    }

    /** Named by everything the model knows of it: two clinics of one name in one town are two organisations. */
    static String organizationId(CareProvider provider) {
        return uuid("Organization/" + provider.organizationName() + "/" + provider.organizationAddress());
    }

    static String practitionerId(CareProvider provider) {
        return uuid("Practitioner/" + organizationId(provider) + "/" + provider.clinicianGivenName() + " "
                + provider.clinicianFamilyName());
    }

    static Reference reference(String id) {
        return new Reference("urn:uuid:" + id);
    }

    /** Profile, test-data security label and the run's tags: the marks every generated resource carries. */
    <T extends Resource> T mark(T resource, String profile) {
        Meta meta = resource.getMeta();
        meta.addProfile(profile);
        meta.addSecurity(new Coding(UsCore.ACT_REASON, "HTEST", "test health data"));
        meta.addTag(new Coding(RunTag.SYSTEM, RunTag.SYNTHETIC_CODE, "Synthetic data"));
        meta.addTag(new Coding(RunTag.SYSTEM, tag.code(), "Generator run"));
        if (tag.privacy() != null) {
            meta.addTag(
                    new Coding(RunTag.PRIVACY_SYSTEM, tag.privacy(), "Differential privacy of the generating model"));
        }
        return resource;
    }

    static DateTimeType dateTime(Instant instant) {
        DateTimeType type = new DateTimeType(Date.from(instant));
        type.setTimeZone(java.util.TimeZone.getTimeZone(ZoneOffset.UTC));
        return type;
    }

    /** {@code t} moved into the encounter's period: when an event that started earlier was recorded there. */
    static Instant within(Instant t, io.synthfhir.model.Encounter encounter) {
        if (t.isBefore(encounter.start())) {
            return encounter.start();
        }
        return t.isAfter(encounter.end()) ? encounter.end() : t;
    }

    static Date date(Instant instant) {
        return Date.from(instant);
    }
}
