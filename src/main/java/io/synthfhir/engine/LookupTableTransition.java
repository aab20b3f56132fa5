package io.synthfhir.engine;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Synthea's lookup-table transition: probabilities per target read from a CSV whose first columns are matched
 * against the person (an attribute's value, {@code age} as a {@code low-high} range in years, {@code gender}) and
 * whose other columns are the targets; the default probabilities apply when no row matches.
 */
record LookupTableTransition(List<String> targets, double[] defaults, List<String> keys, List<Row> rows)
        implements Transition {

    record Row(List<String> match, double[] probabilities) {}

    static Transition parse(Node state, String module, ResourceReader reader) {
        List<Node> options = state.list("lookup_table_transition");
        List<String> targets = new ArrayList<>();
        double[] defaults = new double[options.size()];
        String table = null;
        for (int i = 0; i < options.size(); i++) {
            Node o = options.get(i);
            targets.add(o.text("transition"));
            defaults[i] = o.number("default_probability", 0);
            table = o.text("lookup_table_name");
        }
        String csv = null;
        List<String> tried = new ArrayList<>();
        try {
            for (String path : candidates(module, table)) {
                tried.add(path);
                csv = reader.read(path);
                if (csv != null) {
                    break;
                }
            }
        } catch (IOException e) {
            throw state.error("cannot read lookup table " + table + ": " + e.getMessage());
        }
        if (csv == null) {
            throw state.child("lookup_table_transition")
                    .error("lookup table '" + table + "' not found (looked for " + String.join(", ", tried) + ")");
        }
        String[] lines = csv.split("\\r?\\n");
        String[] header = lines[0].split(",");
        int keyCount = header.length - targets.size();
        if (keyCount < 0) {
            throw state.error("lookup table " + table + " has fewer columns than transitions");
        }
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < keyCount; i++) {
            keys.add(header[i].trim());
        }
        List<Row> rows = new ArrayList<>();
        for (int l = 1; l < lines.length; l++) {
            if (lines[l].isBlank()) {
                continue;
            }
            String[] cells = lines[l].split(",");
            double[] p = new double[targets.size()];
            for (int i = 0; i < p.length && keyCount + i < cells.length; i++) {
                p[i] = Double.parseDouble(cells[keyCount + i].trim());
            }
            List<String> match = new ArrayList<>();
            for (int i = 0; i < keyCount; i++) {
                match.add(cells[i].trim());
            }
            rows.add(new Row(List.copyOf(match), p));
        }
        return new LookupTableTransition(List.copyOf(targets), defaults, List.copyOf(keys), List.copyOf(rows));
    }

    /**
     * Where a module's table may be: {@code lookup_tables/} beside the module file (a folder of modules brought
     * together with its tables), then {@code lookup_tables/} at the root of the module folder, Synthea's layout.
     */
    static List<String> candidates(String module, String table) {
        int slash = module.lastIndexOf('/');
        return slash < 0
                ? List.of("lookup_tables/" + table)
                : List.of(module.substring(0, slash) + "/lookup_tables/" + table, "lookup_tables/" + table);
    }

    @Override
    public String next(Person person, Instant time, Steering.View steering) {
        double[] p = defaults;
        for (Row row : rows) {
            if (matches(row, person, time)) {
                p = row.probabilities();
                break;
            }
        }
        double r = person.random.nextDouble();
        for (int i = 0; i < p.length; i++) {
            r -= p[i];
            if (r < 0) {
                return targets.get(i);
            }
        }
        return targets.get(targets.size() - 1);
    }

    private boolean matches(Row row, Person person, Instant time) {
        for (int i = 0; i < keys.size(); i++) {
            String key = keys.get(i).toLowerCase(Locale.ROOT);
            String cell = row.match().get(i);
            if (key.equals("age")) {
                String[] range = cell.split("-");
                double age = person.ageInYears(time);
                if (range.length != 2
                        || age < Double.parseDouble(range[0])
                        || age >= Double.parseDouble(range[1]) + 1) {
                    return false;
                }
            } else {
                Object value = key.equals("gender") ? person.attribute("gender") : person.attribute(keys.get(i));
                if (!cell.equalsIgnoreCase(String.valueOf(value))) {
                    return false;
                }
            }
        }
        return true;
    }
}
