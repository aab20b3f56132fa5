package io.synthfhir.validity;

import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/** Small helpers the invariants share: a record's life span, ages, and index-preserving edits. */
final class Records {
    private Records() {}

    /** Birth as an instant: the start of the birth date in UTC, the engine's and the mapper's convention. */
    static Instant birth(PatientRecord r) {
        return r.demographics().birthDate().atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** Age in years (fractional) at {@code t}. */
    static double ageAt(PatientRecord r, Instant t) {
        return Duration.between(birth(r), t).toSeconds() / (365.25 * 86400);
    }

    static String time(Instant t) {
        return t == null ? null : t.toString();
    }

    static String number(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** The encounters with each one replaced by {@code edit}'s answer; a null answer drops the encounter. */
    static PatientRecord editEncounters(PatientRecord r, EncounterEdit edit) {
        List<Encounter> out = new ArrayList<>();
        List<Encounter> in = r.encounters();
        for (int i = 0; i < in.size(); i++) {
            Encounter e = edit.apply(i, in.get(i));
            if (e != null) {
                out.add(e);
            }
        }
        return r.withEncounters(out);
    }

    @FunctionalInterface
    interface EncounterEdit {
        Encounter apply(int index, Encounter encounter);
    }

    /** Removes, in place, the elements whose original index matches {@code drop}; answers whether any went. */
    static <T> boolean removeIndices(List<T> list, IntPredicate drop) {
        boolean removed = false;
        for (int i = list.size() - 1; i >= 0; i--) {
            if (drop.test(i)) {
                list.remove(i);
                removed = true;
            }
        }
        return removed;
    }
}
