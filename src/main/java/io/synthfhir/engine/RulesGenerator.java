package io.synthfhir.engine;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.generate.PatientSeeds;
import io.synthfhir.model.Code;
import io.synthfhir.model.PatientRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code mode=rules}: the rule engine as a {@link PatientGenerator}. Its version names the rule library's content
 * (a hash of every module file), so the same version always means the same modules and, with the same seed, the same
 * patients.
 */
public final class RulesGenerator implements PatientGenerator {
    private final ModuleLibrary library;
    private final Simulator simulator;
    private final String version;
    private final Map<String, Steering> steerings = new ConcurrentHashMap<>();

    public RulesGenerator(ModuleLibrary library, String version) {
        this.library = library;
        this.simulator = new Simulator(library, LabCatalog.load(), Population.load());
        this.version = version;
    }

    /**
     * The bundled library under classpath {@code rules/}, plus the modules of {@code userFolder} when given (e.g. a
     * copy of Synthea's {@code modules/} folder, lookup tables included). A user module with the name of a bundled one
     * replaces it, so a folder of Synthea modules brings its own {@code asthma} instead of running two.
     */
    public static RulesGenerator standard(Path userFolder) {
        List<ModuleLibrary.Source> sources = new ArrayList<>(ModuleSources.classpath("rules"));
        if (userFolder != null) {
            List<ModuleLibrary.Source> user = ModuleSources.folder(userFolder);
            Set<String> names = new HashSet<>();
            user.forEach(s -> names.add(s.name()));
            sources.removeIf(s -> names.contains(s.name()));
            sources.addAll(user);
        }
        if (sources.isEmpty()) {
            throw new ModuleException(List.of("no rule modules found under classpath rules/"));
        }
        return new RulesGenerator(ModuleLibrary.load(sources), "rules-" + hash(sources));
    }

    static String hash(List<ModuleLibrary.Source> sources) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sources.stream()
                    .sorted(java.util.Comparator.comparing(ModuleLibrary.Source::name))
                    .forEach(s -> {
                        sha.update(s.name().getBytes(StandardCharsets.UTF_8));
                        sha.update(s.json().getBytes(StandardCharsets.UTF_8));
                    });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public ModuleLibrary library() {
        return library;
    }

    @Override
    public GeneratorMode mode() {
        return GeneratorMode.RULES;
    }

    @Override
    public String version() {
        return version;
    }

    @Override
    public void check(CohortSpec spec) {
        for (String name : spec.modules()) {
            if (library.module(name) == null || library.module(name).submodule()) {
                throw new InvalidParameterException(
                        "module", name, "names of loaded modules: " + String.join(", ", library.topLevel()));
            }
        }
        if (spec.condition() != null && !steering(spec).canProduce()) {
            throw new InvalidParameterException(
                    "condition",
                    spec.condition().code(),
                    "a condition some selected module can diagnose, e.g. "
                            + String.join(", ", steerableExamples(spec)));
        }
    }

    @Override
    public PatientRecord generate(CohortSpec spec, long index) {
        return simulate(spec, index).record();
    }

    /** The record with the number of simulated lives it took (1 unless steering or survival needed retries). */
    Simulator.Result simulate(CohortSpec spec, long index) {
        List<Module> modules = modules(spec);
        Steering steering = spec.condition() == null ? Steering.NONE : steering(spec);
        String id = PatientSeeds.patientId("synthfhir", spec.seed(), index);
        return simulator.simulate(spec, index, modules, steering, id);
    }

    private List<Module> modules(CohortSpec spec) {
        List<String> names = spec.modules().isEmpty() ? library.topLevel() : spec.modules();
        return names.stream().map(library::module).toList();
    }

    private Steering steering(CohortSpec spec) {
        List<String> names = spec.modules().isEmpty() ? library.topLevel() : spec.modules();
        return steerings.computeIfAbsent(
                spec.condition().key() + "@" + names, k -> Steering.towards(spec.condition(), library, names));
    }

    private List<String> steerableExamples(CohortSpec spec) {
        List<String> names = spec.modules().isEmpty() ? library.topLevel() : spec.modules();
        List<String> out = new ArrayList<>();
        for (String n : names) {
            for (State s : library.module(n).states().values()) {
                Code c = s.onsetCode();
                if (c != null && out.size() < 12 && !out.contains(c.code() + " (" + c.display() + ")")) {
                    out.add(c.code() + " (" + c.display() + ")");
                }
            }
        }
        return out;
    }
}
