package io.synthfhir.hybrid;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.gan.GanGenerator;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.generate.PatientSeeds;
import io.synthfhir.model.Code;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.validity.Repair;
import io.synthfhir.validity.ValidityChecker;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * {@code mode=hybrid}: the rule engine gives the scaffold — demographics, the lifecycle, the encounter schedule and the
 * rule-driven course of chronic disease (its conditions) — the learned model fills each of those visits with the coded
 * events and values it learned from real records (medications with their indications, labs, procedures, further
 * diagnoses), reading the scaffold's conditions as part of each visit, and the validity checker has the last word:
 * what it can repair it repairs; a record it cannot make valid is drawn again (a new model stream on the same
 * scaffold), and if that fails too the patient is the rule engine's own record, which is valid by construction.
 *
 * <p>Cohorts: {@code condition=X} steers the rule engine (every scaffold has X) and, when the model learned X, is also
 * the model's conditional input. A pure function of (spec, index), like every generator; thread-safe.
 */
public final class HybridGenerator implements PatientGenerator {
    /** Model draws per scaffold before the rule record itself is used. */
    static final int MAX_FILLS = 4;
    /** Keeps the model's stream apart from the rule engine's for the same (seed, index). */
    private static final long FILL_SALT = 0x5DEECE66DL;

    private final RulesGenerator rules;
    private final GanGenerator model;
    private final ValidityChecker checker;
    private final java.util.Map<String, Code> learnedConditions = new java.util.HashMap<>();

    public HybridGenerator(RulesGenerator rules, GanGenerator model, ValidityChecker checker) {
        this.rules = rules;
        this.model = model;
        this.checker = checker;
        model.learnedConditions().forEach(c -> learnedConditions.putIfAbsent(c.key(), c));
    }

    @Override
    public GeneratorMode mode() {
        return GeneratorMode.HYBRID;
    }

    /** Both halves: the rule library's version and the model's id. */
    @Override
    public String version() {
        return rules.version() + "+" + model.version();
    }

    @Override
    public Optional<String> privacyGuarantee() {
        return model.privacyGuarantee();
    }

    /** The rule engine decides what it can serve (modules, steerable conditions); the model follows its scaffold. */
    @Override
    public void check(CohortSpec spec) {
        rules.check(spec);
    }

    @Override
    public PatientRecord generate(CohortSpec spec, long index) {
        PatientRecord scaffold = rules.generate(spec, index);
        Code cohortCondition = learned(spec.condition());
        for (int attempt = 0; attempt < MAX_FILLS; attempt++) {
            SplittableRandom random = PatientSeeds.forPatient(spec.seed() ^ (FILL_SALT + attempt), index);
            PatientRecord filled = model.fill(scaffold, true, cohortCondition, spec.referenceDate(), random);
            Repair repair = checker.repair(filled);
            if (repair.valid()) {
                return repair.record();
            }
        }
        return scaffold;
    }

    private Code learned(Code condition) {
        if (condition == null) {
            return null;
        }
        return learnedConditions.get(condition.key());
    }
}
