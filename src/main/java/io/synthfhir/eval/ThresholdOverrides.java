package io.synthfhir.eval;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Thresholds changed by name, for configuration ({@code synthfhir.evaluation.thresholds.*}), the {@code $evaluate}
 * {@code threshold} parameter and the {@code evaluate} command alike. A name is a {@link Thresholds} component in
 * kebab case ({@code detection-accuracy-max} for {@code detectionAccuracyMax}), so the list can never drift from the
 * record.
 */
public final class ThresholdOverrides {
    private static final RecordComponent[] COMPONENTS = Thresholds.class.getRecordComponents();

    private ThresholdOverrides() {}

    /** Every name a threshold can be set by, in the record's order. */
    public static List<String> names() {
        return Arrays.stream(COMPONENTS).map(c -> kebab(c.getName())).toList();
    }

    /**
     * {@code base} with the named thresholds replaced.
     *
     * @throws IllegalArgumentException naming an unknown threshold (with the known ones) or a value that is not a
     *     finite number (a whole number for {@code exact-copies-max})
     */
    public static Thresholds apply(Thresholds base, Map<String, String> overrides) {
        Object[] values = new Object[COMPONENTS.length];
        try {
            for (int i = 0; i < COMPONENTS.length; i++) {
                values[i] = COMPONENTS[i].getAccessor().invoke(base);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read Thresholds", e);
        }
        for (Map.Entry<String, String> override : overrides.entrySet()) {
            int index = names().indexOf(override.getKey().trim().toLowerCase(Locale.ROOT));
            if (index < 0) {
                throw new IllegalArgumentException(
                        "unknown threshold '" + override.getKey() + "' (known: " + String.join(", ", names()) + ")");
            }
            values[index] = parse(COMPONENTS[index], override.getKey(), override.getValue());
        }
        try {
            Class<?>[] types =
                    Arrays.stream(COMPONENTS).map(RecordComponent::getType).toArray(Class<?>[]::new);
            return Thresholds.class.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException invalid) {
                throw invalid;
            }
            throw new IllegalStateException("cannot build Thresholds", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build Thresholds", e);
        }
    }

    private static Object parse(RecordComponent component, String name, String text) {
        String value = text == null ? "" : text.trim();
        try {
            if (component.getType() == int.class) {
                return Integer.parseInt(value);
            }
            double d = Double.parseDouble(value);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("threshold '" + name + "' must be "
                    + (component.getType() == int.class ? "a whole number" : "a finite number") + ", was '" + text
                    + "'");
        }
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
