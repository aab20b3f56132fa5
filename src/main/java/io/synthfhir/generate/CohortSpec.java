package io.synthfhir.generate;

import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What a cohort must look like: the inputs a generator is a pure function of (together with the patient's index).
 *
 * @param seed cohort seed; patient i draws from a generator seeded by (seed, i) alone
 * @param modules rule modules to run by name; empty means every bundled module
 * @param gender every patient has this sex, or null for the population mix
 * @param minAge youngest age in years at the reference date (inclusive)
 * @param maxAge oldest age in years at the reference date (inclusive)
 * @param condition every patient has this condition (steered, not rejection-sampled), or null
 * @param years how many years of history before the reference date are kept
 * @param referenceDate "today" of the simulation: an injected clock, so output is reproducible
 */
public record CohortSpec(
        long seed,
        List<String> modules,
        AdministrativeSex gender,
        int minAge,
        int maxAge,
        Code condition,
        int years,
        LocalDate referenceDate) {

    public static final int MAX_AGE = 110;

    public CohortSpec {
        modules = modules == null ? List.of() : List.copyOf(modules);
        Objects.requireNonNull(referenceDate, "referenceDate");
        if (minAge < 0 || minAge > MAX_AGE) {
            throw new InvalidParameterException("minAge", String.valueOf(minAge), "an integer from 0 to " + MAX_AGE);
        }
        if (maxAge < 0 || maxAge > MAX_AGE) {
            throw new InvalidParameterException("maxAge", String.valueOf(maxAge), "an integer from 0 to " + MAX_AGE);
        }
        if (maxAge < minAge) {
            throw new InvalidParameterException(
                    "maxAge", String.valueOf(maxAge), "an integer not below minAge (" + minAge + ")");
        }
        if (years < 1 || years > MAX_AGE) {
            throw new InvalidParameterException("years", String.valueOf(years), "an integer from 1 to " + MAX_AGE);
        }
    }

    /** A spec with the documented defaults: all modules, any sex, ages 0-90, 10 years of history. */
    public static CohortSpec defaults(long seed, LocalDate referenceDate) {
        return new CohortSpec(seed, List.of(), null, 0, 90, null, 10, referenceDate);
    }

    public CohortSpec withCondition(Code code) {
        return new CohortSpec(seed, modules, gender, minAge, maxAge, code, years, referenceDate);
    }

    public CohortSpec withAges(int min, int max) {
        return new CohortSpec(seed, modules, gender, min, max, condition, years, referenceDate);
    }

    public CohortSpec withGender(AdministrativeSex sex) {
        return new CohortSpec(seed, modules, sex, minAge, maxAge, condition, years, referenceDate);
    }

    public CohortSpec withModules(List<String> names) {
        return new CohortSpec(seed, names, gender, minAge, maxAge, condition, years, referenceDate);
    }

    public CohortSpec withSeed(long s) {
        return new CohortSpec(s, modules, gender, minAge, maxAge, condition, years, referenceDate);
    }

    public CohortSpec withYears(int y) {
        return new CohortSpec(seed, modules, gender, minAge, maxAge, condition, y, referenceDate);
    }
}
