package io.synthfhir.engine;

import io.synthfhir.model.Code;
import io.synthfhir.model.Condition;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/** Measures of a generated cohort at its reference date, defined as the public figures they are compared with. */
record ModuleCohort(List<PatientRecord> patients, LocalDate reference, int years) {

    Instant end() {
        return reference.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    Instant windowStart() {
        return reference.minusYears(years).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static int ageAt(PatientRecord p, Instant t) {
        return Period.between(p.demographics().birthDate(), LocalDate.ofInstant(t, ZoneOffset.UTC))
                .getYears();
    }

    static boolean alive(PatientRecord p) {
        return p.deathTime() == null;
    }

    static boolean activeAt(PatientRecord p, Code code, Instant t) {
        return p.conditions().anyMatch(c -> c.code().sameConcept(code) && c.activeAt(t));
    }

    /** Share of living patients at the reference date matching {@code who} that have {@code code} active. */
    Share prevalence(Code code, Predicate<PatientRecord> who) {
        List<PatientRecord> denominator =
                patients.stream().filter(ModuleCohort::alive).filter(who).toList();
        long n = denominator.stream().filter(p -> activeAt(p, code, end())).count();
        return new Share(n, denominator.size());
    }

    /** Diagnoses of {@code code} with onset inside the history window, per 100,000 person-years lived in it. */
    double incidencePer100k(Code code, Predicate<PatientRecord> who) {
        double personYears = 0;
        long cases = 0;
        for (PatientRecord p : patients) {
            if (!who.test(p)) {
                continue;
            }
            Instant from = later(
                    windowStart(),
                    p.demographics().birthDate().atStartOfDay(ZoneOffset.UTC).toInstant());
            Instant to = p.deathTime() != null && p.deathTime().isBefore(end()) ? p.deathTime() : end();
            personYears += Math.max(0, to.getEpochSecond() - from.getEpochSecond()) / (365.25 * 86400);
            cases += p.conditions()
                    .filter(c -> c.code().sameConcept(code) && !c.onset().isBefore(windowStart()))
                    .map(Condition::onset)
                    .distinct()
                    .count();
        }
        return personYears == 0 ? Double.NaN : 100_000 * cases / personYears;
    }

    /** The encounters in which {@code code} was diagnosed (not carried onto a later visit). */
    static List<Encounter> diagnosisEncounters(PatientRecord p, Code code) {
        return p.encounters().stream()
                .filter(e -> e.conditions().stream()
                        .anyMatch(c -> c.code().sameConcept(code) && !c.onset().isBefore(e.start())))
                .toList();
    }

    static boolean male(PatientRecord p) {
        return p.demographics().sex() == io.synthfhir.model.AdministrativeSex.MALE;
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** A share with its numerator and denominator. */
    record Share(long numerator, long denominator) {
        double value() {
            return denominator == 0 ? Double.NaN : numerator / (double) denominator;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%.1f %% (%d / %d)", 100 * value(), numerator, denominator);
        }
    }
}
