package io.synthfhir.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A loaded, checked set of modules. Loading is all or nothing: every error of every file is collected (file, state,
 * field path) and reported together; a library with any error is never returned half-built.
 */
public final class ModuleLibrary {
    private final Map<String, Module> modules;

    private ModuleLibrary(Map<String, Module> modules) {
        this.modules = Map.copyOf(modules);
    }

    /** One module file: its name (path under the rules root, without .json), its text, and its folder's files. */
    public record Source(String name, String json, ResourceReader files) {}

    Module module(String name) {
        return modules.get(name);
    }

    /** Top-level modules (not submodules), sorted by name: the ones a simulation runs. */
    public List<String> topLevel() {
        return modules.values().stream()
                .filter(m -> !m.submodule())
                .map(Module::name)
                .sorted()
                .toList();
    }

    public int size() {
        return modules.size();
    }

    public static ModuleLibrary load(List<Source> sources) {
        Parsed parsed = parse(sources);
        parsed.checkSubmodules();
        if (!parsed.errors.isEmpty()) {
            List<String> all = new ArrayList<>();
            parsed.errors.values().forEach(all::addAll);
            throw new ModuleException(all);
        }
        return new ModuleLibrary(parsed.modules);
    }

    /**
     * The largest part of a module set that loads, and why each other file did not (its first error): for measuring
     * compatibility with a foreign library. A module calling a submodule that failed fails too.
     */
    public record Partial(ModuleLibrary library, Map<String, String> failures) {}

    public static Partial loadPartially(List<Source> sources) {
        Parsed parsed = parse(sources);
        Map<String, String> failures = new TreeMap<>();
        while (true) {
            parsed.checkSubmodules();
            if (parsed.errors.isEmpty()) {
                return new Partial(new ModuleLibrary(parsed.modules), failures);
            }
            parsed.errors.forEach((name, messages) -> {
                failures.putIfAbsent(name, messages.get(0));
                parsed.modules.remove(name);
            });
            parsed.errors.clear();
        }
    }

    /** Modules parsed so far and the errors of each file (by module name), in the order the sources came. */
    private static final class Parsed {
        final Map<String, Module> modules = new TreeMap<>();
        final Map<String, List<String>> errors = new LinkedHashMap<>();

        void error(String module, String message) {
            errors.computeIfAbsent(module, m -> new ArrayList<>()).add(message);
        }

        void checkSubmodules() {
            for (Module m : modules.values()) {
                for (State s : m.states().values()) {
                    if (s.submodule() != null && !modules.containsKey(s.submodule())) {
                        error(
                                m.name(),
                                m.name() + ".json: state '" + s.name + "' field 'submodule': no module named '"
                                        + s.submodule() + "'");
                    }
                }
            }
            for (Module m : modules.values()) {
                List<String> cycle = cycleFrom(m.name(), modules, new ArrayList<>(), new HashSet<>());
                if (cycle != null && cycle.get(0).equals(m.name())) {
                    error(m.name(), m.name() + ".json: cyclic submodule calls: " + String.join(" -> ", cycle));
                }
            }
        }
    }

    private static Parsed parse(List<Source> sources) {
        Parsed parsed = new Parsed();
        ObjectMapper json = new ObjectMapper();
        for (Source source : sources) {
            String file = source.name() + ".json";
            List<String> errors = new ArrayList<>();
            if (parsed.modules.containsKey(source.name())) {
                errors.add(file + ": a second module file with the same name");
            }
            try {
                JsonNode root = json.readTree(source.json());
                Module module = parse(source, file, root, errors);
                if (module != null && errors.isEmpty()) {
                    parsed.modules.put(source.name(), module);
                }
            } catch (IOException e) {
                errors.add(file + ": not valid JSON: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
            errors.forEach(m -> parsed.error(source.name(), m));
        }
        return parsed;
    }

    private static Module parse(Source source, String file, JsonNode root, List<String> errors) {
        JsonNode states = root.path("states");
        if (!states.isObject()) {
            errors.add(file + ": has no 'states' object");
            return null;
        }
        Map<String, State> built = new LinkedHashMap<>();
        Transitions.LookupTables tables = Transitions.tablesOf(source.name(), source.files());
        int before = errors.size();
        states.fields().forEachRemaining(entry -> {
            Node node = new Node(entry.getValue(), file, entry.getKey(), "");
            try {
                built.put(entry.getKey(), build(entry.getKey(), node, tables));
            } catch (Node.Invalid e) {
                errors.add(e.getMessage());
            }
        });
        if (!built.containsKey("Initial") && errors.size() == before) {
            errors.add(file + ": has no 'Initial' state");
        }
        for (State state : built.values()) {
            for (String target : state.targets()) {
                if (!states.has(target)) {
                    errors.add(file + ": state '" + state.name + "' transition: no state named '" + target + "'");
                }
            }
            if (!state.isTerminal() && state.transition == null) {
                errors.add(file + ": state '" + state.name + "': has no transition");
            }
        }
        if (errors.size() > before) {
            return null;
        }
        boolean submodule = source.name().contains("/");
        return new Module(source.name(), root.path("name").asText(source.name()), Map.copyOf(built), submodule);
    }

    private static State build(String name, Node node, Transitions.LookupTables tables) {
        String type = node.text("type");
        StateTypes.Factory factory = StateTypes.FACTORIES.get(type);
        if (factory == null) {
            throw node.child("type")
                    .error("unknown state type '" + type + "' (supported: " + String.join(", ", StateTypes.names())
                            + ")");
        }
        Transition transition = type.equals("Terminal") ? null : Transitions.parse(node, tables);
        return factory.build(name, transition, node);
    }

    private static List<String> cycleFrom(
            String name, Map<String, Module> modules, List<String> path, Set<String> done) {
        if (path.contains(name)) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(name), path.size()));
            cycle.add(name);
            return cycle;
        }
        Module m = modules.get(name);
        if (m == null || done.contains(name)) {
            return null;
        }
        path.add(name);
        for (State s : m.states().values()) {
            if (s.submodule() != null) {
                List<String> c = cycleFrom(s.submodule(), modules, path, done);
                if (c != null) {
                    return c;
                }
            }
        }
        path.remove(path.size() - 1);
        done.add(name);
        return null;
    }
}
