package io.synthfhir.fhir.extract;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Type;

/**
 * FHIR dates and date-times as instants, the same on every machine: a value with a time of day carries its own
 * offset (FHIR requires one), and a partial value (a day, a month, a year) is taken as the start of that period in
 * UTC rather than in the JVM's time zone, which is what HAPI's {@code getValue()} would use.
 */
final class Times {
    private Times() {}

    static Instant instant(BaseDateTimeType value) {
        if (value == null || value.isEmpty() || value.getValue() == null) {
            return null;
        }
        TemporalPrecisionEnum precision = value.getPrecision();
        if (precision.ordinal() > TemporalPrecisionEnum.DAY.ordinal()) {
            return value.getValue().toInstant();
        }
        return localDate(value).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static LocalDate localDate(BaseDateTimeType value) {
        if (value == null || value.isEmpty() || value.getValue() == null) {
            return null;
        }
        int year = value.getYear();
        int month = value.getPrecision().ordinal() >= TemporalPrecisionEnum.MONTH.ordinal() ? value.getMonth() + 1 : 1;
        int day = value.getPrecision().ordinal() >= TemporalPrecisionEnum.DAY.ordinal() ? value.getDay() : 1;
        return LocalDate.of(year, month, day);
    }

    /** A choice element ({@code onset[x]}, {@code effective[x]}, ...) as its start instant, or null. */
    static Instant start(Type choice) {
        if (choice instanceof BaseDateTimeType dateTime) {
            return instant(dateTime);
        }
        if (choice instanceof Period period) {
            Instant start = instant(period.getStartElement());
            return start != null ? start : instant(period.getEndElement());
        }
        return null;
    }

    /** A choice element as its end instant: a period's end (else start), or the date-time itself. */
    static Instant end(Type choice) {
        if (choice instanceof Period period) {
            Instant end = instant(period.getEndElement());
            return end != null ? end : instant(period.getStartElement());
        }
        return start(choice);
    }
}
