package io.synthfhir.gan;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Ethnicity;
import io.synthfhir.model.Race;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Who the training patients were: counts by sex and age at the data's end (the ages a cohort's patients are drawn
 * from), the same by five-year band among holders of each learned condition (for {@code condition=} cohorts), and the
 * race and ethnicity mix.
 *
 * @param ageBySex counts [sex: 0 female, 1 male][age in years 0..110]
 * @param conditions for each learned condition token, its holders by [sex][five-year band]
 * @param races counts per {@link Race} ordinal
 * @param hispanic count of Hispanic patients
 * @param patients count of patients
 */
record DemographicPrior(int[][] ageBySex, List<ConditionHolders> conditions, int[] races, int hispanic, int patients) {
    static final int BAND = 5;

    /** Holders of one condition token by [sex][five-year band]. */
    record ConditionHolders(int token, int[][] bySexBand) {}

    /** Draws (sex, age in years) for a patient of the spec, among holders of {@code conditionToken} when >= 0. */
    Draw draw(CohortSpec spec, int conditionToken, SplittableRandom random) {
        int[][] counts = ageBySex;
        int width = 1;
        if (conditionToken >= 0) {
            for (ConditionHolders h : conditions) {
                if (h.token() == conditionToken) {
                    counts = h.bySexBand();
                    width = BAND;
                }
            }
        }
        Draw d = draw(counts, width, spec, random);
        if (d == null && counts != ageBySex) {
            d = draw(ageBySex, 1, spec, random);
        }
        if (d == null) {
            AdministrativeSex sex = spec.gender() != null
                    ? spec.gender()
                    : random.nextBoolean() ? AdministrativeSex.MALE : AdministrativeSex.FEMALE;
            d = new Draw(sex, spec.minAge() + random.nextDouble() * (spec.maxAge() + 1 - spec.minAge()));
        }
        return d;
    }

    /** A sex and an exact age (years, fractional). */
    record Draw(AdministrativeSex sex, double age) {}

    private static Draw draw(int[][] counts, int width, CohortSpec spec, SplittableRandom random) {
        int bins = counts[0].length;
        double[] w = new double[2 * bins];
        double total = 0;
        for (int s = 0; s < 2; s++) {
            boolean male = s == 1;
            if (spec.gender() != null && (spec.gender() == AdministrativeSex.MALE) != male) {
                continue;
            }
            for (int b = 0; b < bins; b++) {
                double overlap = overlap(b * width, (b + 1) * width, spec.minAge(), spec.maxAge() + 1);
                w[s * bins + b] = counts[s][b] * overlap / width;
                total += w[s * bins + b];
            }
        }
        if (total <= 0) {
            return null;
        }
        double x = random.nextDouble() * total;
        int cell = 0;
        while (cell < w.length - 1 && (x -= w[cell]) >= 0) {
            cell++;
        }
        while (w[cell] <= 0) {
            cell--;
        }
        int band = cell % bins;
        double lo = Math.max(band * width, spec.minAge());
        double hi = Math.min((band + 1) * width, spec.maxAge() + 1);
        return new Draw(
                cell / bins == 1 ? AdministrativeSex.MALE : AdministrativeSex.FEMALE,
                lo + random.nextDouble() * (hi - lo));
    }

    private static double overlap(double a, double b, double c, double d) {
        return Math.max(0, Math.min(b, d) - Math.max(a, c));
    }

    Race race(SplittableRandom random) {
        int total = java.util.Arrays.stream(races).sum();
        if (total == 0) {
            return Race.OTHER;
        }
        int x = random.nextInt(total);
        for (int i = 0; i < races.length; i++) {
            if ((x -= races[i]) < 0) {
                return Race.values()[i];
            }
        }
        return Race.OTHER;
    }

    Ethnicity ethnicity(SplittableRandom random) {
        return random.nextInt(Math.max(1, patients)) < hispanic ? Ethnicity.HISPANIC : Ethnicity.NON_HISPANIC;
    }
}
