package io.synthfhir.validity;

import com.fasterxml.jackson.databind.JsonNode;
import io.synthfhir.model.Code;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Physiological limits of vital signs and body measurements by LOINC code, from {@code
 * rules/reference/vital_limits.json}: fixed, or by age (linear between the listed ages, the last row holds after).
 */
final class VitalLimits {
    static final String FILE = "vital_limits.json";

    /** Limits in {@code unit} at one age. */
    record Limit(String unit, double min, double max) {}

    private record AgeRow(double age, double min, double max) {}

    private record Entry(String unit, double min, double max, List<AgeRow> byAge) {
        Limit at(double age) {
            if (byAge.isEmpty()) {
                return new Limit(unit, min, max);
            }
            AgeRow first = byAge.get(0);
            if (age <= first.age()) {
                return new Limit(unit, first.min(), first.max());
            }
            for (int k = 1; k < byAge.size(); k++) {
                AgeRow lo = byAge.get(k - 1);
                AgeRow hi = byAge.get(k);
                if (age <= hi.age()) {
                    double f = (age - lo.age()) / (hi.age() - lo.age());
                    return new Limit(unit, lo.min() + f * (hi.min() - lo.min()), lo.max() + f * (hi.max() - lo.max()));
                }
            }
            AgeRow last = byAge.get(byAge.size() - 1);
            return new Limit(unit, last.min(), last.max());
        }
    }

    private final Map<String, Entry> entries;

    private VitalLimits(Map<String, Entry> entries) {
        this.entries = Map.copyOf(entries);
    }

    static VitalLimits load() {
        JsonNode root = ReferenceData.read(FILE);
        Map<String, Entry> out = new HashMap<>();
        root.path("vitals").fields().forEachRemaining(f -> {
            JsonNode n = f.getValue();
            List<AgeRow> rows = new ArrayList<>();
            for (JsonNode row : n.path("byAge")) {
                rows.add(new AgeRow(
                        row.path("age").asDouble(),
                        row.path("min").asDouble(),
                        row.path("max").asDouble()));
            }
            rows.sort(java.util.Comparator.comparingDouble(AgeRow::age));
            if (rows.isEmpty() && (!n.has("min") || !n.has("max"))) {
                throw new IllegalStateException(
                        "rules/reference/" + FILE + ": " + f.getKey() + " needs min and max or byAge");
            }
            out.put(
                    Code.LOINC + "|" + f.getKey(),
                    new Entry(
                            ReferenceData.text(n, "unit", FILE),
                            n.path("min").asDouble(),
                            n.path("max").asDouble(),
                            rows));
        });
        return new VitalLimits(out);
    }

    /** The limits of this code at this age, or null when the code has none. */
    Limit find(Code code, double age) {
        Entry e = entries.get(code.key());
        return e == null ? null : e.at(age);
    }
}
