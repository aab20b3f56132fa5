package io.synthfhir.gan;

import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Turns a patient record into the sequence the network trains on, through a fixed {@link Encoding}. */
final class PatientEncoder {
    static final double DAYS_PER_YEAR = 365.25;

    private final Encoding encoding;
    private final Layout layout;

    PatientEncoder(Encoding encoding, Layout layout) {
        this.encoding = encoding;
        this.layout = layout;
    }

    EncodedPatient encode(PatientRecord record) {
        Instant birth = birthInstant(record.demographics().birthDate());
        Instant previous = birth;
        List<EncodedPatient.Visit> visits = new ArrayList<>();
        TreeSet<Integer> conditions = new TreeSet<>();
        int index = 0;
        for (Encounter e : record.encounters()) {
            VisitEvents events = VisitEvents.of(e);
            int[] units = encoding.vocabulary().encode(events.tokens());
            List<Integer> channels = new ArrayList<>();
            for (Map.Entry<String, Double> v : events.values().entrySet()) {
                int c = layout.channel(v.getKey());
                if (c >= 0
                        && encoding.channels()
                                .get(c)
                                .unit()
                                .equals(events.units().get(v.getKey()))) {
                    channels.add(c);
                }
            }
            channels.sort(Integer::compare);
            int[] ch = channels.stream().mapToInt(Integer::intValue).toArray();
            int[] modes = new int[ch.length];
            float[] alphas = new float[ch.length];
            float[] inputs = new float[ch.length];
            for (int i = 0; i < ch.length; i++) {
                ValueChannel channel = encoding.channels().get(ch[i]);
                double value = events.values().get(channel.key());
                modes[i] = channel.gmm().mode(value);
                alphas[i] = (float) channel.gmm().alpha(value, modes[i]);
                inputs[i] = channel.input(value);
            }
            for (String key : events.tokens()) {
                int slot = layout.conditionSlot(encoding.vocabulary().indexOf(key));
                if (slot >= 0) {
                    conditions.add(slot);
                }
            }
            Duration gap = Duration.between(previous, e.start());
            Layout.Step step = new Layout.Step(
                    encoding.visitTypes().indexOf(e),
                    encoding.gaps().bin(gap.isNegative() ? Duration.ZERO : gap),
                    ageYears(birth, e.start()),
                    year(e.start()),
                    index++,
                    units,
                    ch,
                    inputs,
                    conditions.stream().mapToInt(Integer::intValue).toArray());
            visits.add(new EncodedPatient.Visit(step, modes, alphas));
            previous = e.start();
        }
        boolean deceased = record.deathTime() != null;
        int censorBin = -1;
        if (!deceased) {
            Duration remaining = Duration.between(previous, encoding.dataEnd());
            censorBin = encoding.gaps().firstBinBeyond(remaining.isNegative() ? Duration.ZERO : remaining);
        }
        return new EncodedPatient(
                record.demographics().sex() == io.synthfhir.model.AdministrativeSex.MALE,
                year(birth),
                deceased,
                censorBin,
                conditions.stream().mapToInt(Integer::intValue).toArray(),
                List.copyOf(visits));
    }

    static Instant birthInstant(LocalDate birthDate) {
        return birthDate.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    static double ageYears(Instant birth, Instant t) {
        return Math.max(0, Duration.between(birth, t).getSeconds() / (86400.0 * DAYS_PER_YEAR));
    }

    /** Calendar year with its fraction: 2017.5 is mid-2017. */
    static double year(Instant t) {
        LocalDate d = LocalDate.ofInstant(t, ZoneOffset.UTC);
        return d.getYear() + (d.getDayOfYear() - 1) / DAYS_PER_YEAR;
    }
}
