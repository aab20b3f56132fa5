package io.synthfhir.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PersonAgeTest {

    @Test
    void ageFromCalendarFieldsEqualsPeriodBetweenOnEveryDay() {
        SplittableRandom r = new SplittableRandom(3);
        for (int i = 0; i < 20_000; i++) {
            LocalDate birth = LocalDate.ofEpochDay(-20_000 + r.nextInt(40_000));
            LocalDate day = birth.plusDays(r.nextInt(40_000) - 10);
            Period p = Period.between(birth, day);
            double expected = p.getYears() + p.getMonths() / 12.0 + p.getDays() / 365.25;
            assertThat(Person.yearsBetween(birth, day)).as(birth + " to " + day).isEqualTo(expected);
        }
    }
}
