package io.synthfhir.fhir.extract;

import io.synthfhir.fhir.UsCore;
import io.synthfhir.model.Address;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Demographics;
import io.synthfhir.model.Ethnicity;
import io.synthfhir.model.Race;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;

/** Patient, and the Organization / Practitioner / PractitionerRole that a record's care provider comes from. */
final class PatientReader {
    private PatientReader() {}

    static Part patient(Set<String> keys, Patient p, RecordIds ids, Tally tally) {
        AdministrativeSex sex = sex(p, tally);
        if (sex == null) {
            tally.skip("Patient", "gender is neither male nor female and there is no US Core birth sex");
            return null;
        }
        LocalDate birthDate = Times.localDate(p.getBirthDateElement());
        if (birthDate == null) {
            tally.skip("Patient", "no birthDate");
            return null;
        }
        String recordId = ids.recordId(p);
        if (recordId == null) {
            tally.skip("Patient", "no logical id and no identifier to name the record by");
            return null;
        }
        HumanName name = name(p);
        Demographics demographics = new Demographics(
                name == null || !name.hasGiven() ? null : name.getGiven().get(0).getValue(),
                name == null ? null : name.getFamily(),
                sex,
                birthDate,
                race(p, tally),
                ethnicity(p, tally),
                home(p.getAddress()));
        Instant death = null;
        if (p.getDeceased() instanceof DateTimeType dateTime) {
            death = Times.instant(dateTime);
        } else if (p.hasDeceasedBooleanType() && p.getDeceasedBooleanType().booleanValue()) {
            tally.adjust("Patient: deceasedBoolean without a date, kept without a death time");
        }
        List<String> providers = new ArrayList<>();
        for (Reference r : p.getGeneralPractitioner()) {
            add(providers, Refs.of(r));
        }
        add(providers, Refs.of(p.getManagingOrganization()));
        return new Part.PatientPart(keys, recordId, demographics, death, providers);
    }

    private static void add(List<String> refs, String ref) {
        if (ref != null) {
            refs.add(ref);
        }
    }

    private static AdministrativeSex sex(Patient p, Tally tally) {
        if (p.hasGender()) {
            switch (p.getGender()) {
                case MALE:
                    return AdministrativeSex.MALE;
                case FEMALE:
                    return AdministrativeSex.FEMALE;
                default:
                    break;
            }
        }
        Extension birthSex = p.getExtensionByUrl(UsCore.BIRTH_SEX);
        if (birthSex != null && birthSex.getValue() != null) {
            String code = birthSex.getValue().primitiveValue();
            if ("M".equals(code) || "F".equals(code)) {
                tally.adjust("Patient: gender missing or other/unknown, sex taken from US Core birth sex");
                return AdministrativeSex.parse(code);
            }
        }
        return null;
    }

    private static Race race(Patient p, Tally tally) {
        String code = ombCode(p, UsCore.RACE);
        if (code == null) {
            tally.adjust("Patient: no US Core race ombCategory, race taken as other");
            return Race.OTHER;
        }
        return Race.fromCdcCode(code);
    }

    private static Ethnicity ethnicity(Patient p, Tally tally) {
        String code = ombCode(p, UsCore.ETHNICITY);
        if (code == null) {
            tally.adjust("Patient: no US Core ethnicity ombCategory, taken as not Hispanic or Latino");
            return Ethnicity.NON_HISPANIC;
        }
        return Ethnicity.fromCdcCode(code);
    }

    private static String ombCode(Patient p, String url) {
        Extension extension = p.getExtensionByUrl(url);
        if (extension == null) {
            return null;
        }
        for (Extension part : extension.getExtensionsByUrl("ombCategory")) {
            if (part.getValue() instanceof Coding coding && coding.hasCode()) {
                return coding.getCode();
            }
        }
        return null;
    }

    /** The official name if there is one, else the first. */
    private static HumanName name(Patient p) {
        for (HumanName n : p.getName()) {
            if (n.getUse() == HumanName.NameUse.OFFICIAL) {
                return n;
            }
        }
        return p.hasName() ? p.getNameFirstRep() : null;
    }

    /** The home address if there is one, else the first. */
    static Address home(List<org.hl7.fhir.r4.model.Address> addresses) {
        org.hl7.fhir.r4.model.Address chosen = null;
        for (org.hl7.fhir.r4.model.Address a : addresses) {
            if (a.getUse() == org.hl7.fhir.r4.model.Address.AddressUse.HOME) {
                chosen = a;
                break;
            }
        }
        if (chosen == null && !addresses.isEmpty()) {
            chosen = addresses.get(0);
        }
        return chosen == null ? null : address(chosen);
    }

    static Address address(org.hl7.fhir.r4.model.Address a) {
        List<StringType> lines = a.getLine();
        return new Address(
                lines.isEmpty() ? null : lines.get(0).getValue(),
                a.getCity(),
                a.getState(),
                a.getPostalCode(),
                a.getCountry());
    }

    static Part organization(Set<String> keys, Organization o) {
        return new Part.OrganizationPart(keys, o.getName(), o.hasAddress() ? address(o.getAddressFirstRep()) : null);
    }

    static Part practitioner(Set<String> keys, Practitioner p) {
        HumanName name = null;
        for (HumanName n : p.getName()) {
            if (n.getUse() == HumanName.NameUse.OFFICIAL) {
                name = n;
                break;
            }
        }
        if (name == null && p.hasName()) {
            name = p.getNameFirstRep();
        }
        return new Part.PractitionerPart(
                keys,
                name == null || !name.hasGiven() ? null : name.getGiven().get(0).getValue(),
                name == null ? null : name.getFamily());
    }

    static Part role(Set<String> keys, PractitionerRole r) {
        return new Part.RolePart(keys, Refs.of(r.getPractitioner()), Refs.of(r.getOrganization()));
    }

    /** Whether an identifier is the generator's own record id (written by PatientMapper). */
    static boolean isGeneratorIdentifier(Identifier identifier) {
        return UsCore.PATIENT_ID_SYSTEM.equals(identifier.getSystem()) && identifier.hasValue();
    }
}
