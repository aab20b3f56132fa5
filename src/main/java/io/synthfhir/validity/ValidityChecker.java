package io.synthfhir.validity;

import io.synthfhir.engine.LabCatalog;
import io.synthfhir.eval.validity.InvariantCheck;
import io.synthfhir.model.PatientRecord;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The clinical validity checker: a fixed, ordered list of {@link Invariant}s.
 *
 * <pre>{@code
 * ValidityChecker checker = ValidityChecker.standard();
 * List<Violation> violations = checker.check(record);      // empty when the record is clinically valid
 * Repair repair = checker.repair(record);                  // hybrid generator: fix what can be fixed ...
 * if (repair.valid()) accept(repair.record());             // ... and reject what remains
 * EvaluationInput input = EvaluationInput.of(real, synthetic, training, seed)
 *         .withValidity(checker.asInvariantCheck());       // validity.violation-rate in the evaluation
 * }</pre>
 *
 * <p>Immutable and thread-safe: build one (loading the reference tables and UCUM definitions takes about half a
 * second) and share it. {@link #repair} applies each invariant's repair in list order (life span, then timing, then
 * content, then indications last, so that conditions dropped earlier no longer count as indications) and checks
 * the result again; see docs/clinical-validity.md for each invariant and its repair policy.
 */
public final class ValidityChecker {
    private final List<Invariant> invariants;

    private ValidityChecker(List<Invariant> invariants) {
        this.invariants = List.copyOf(invariants);
        Set<String> ids = new HashSet<>();
        for (Invariant i : this.invariants) {
            if (!ids.add(Objects.requireNonNull(i.id(), "invariant id"))) {
                throw new IllegalArgumentException("two invariants share the id '" + i.id() + "'");
            }
        }
    }

    /** Every invariant, with the bundled reference tables and the engine's lab catalog. */
    public static ValidityChecker standard() {
        return standard(LabCatalog.load());
    }

    /** Every invariant, with the bundled reference tables and this lab catalog. */
    public static ValidityChecker standard(LabCatalog labs) {
        return new ValidityChecker(List.of(
                new LifeSpan.BeforeBirth(),
                new LifeSpan.AfterDeath(),
                new Timing.EndBeforeStart(),
                new Timing.OutsideEncounter(),
                SexSpecific.load(),
                Complications.load(),
                new Coding.CodeSystems(),
                new Coding.UnitNotUcum(UcumUnits.load()),
                new Values.OutsideLimits(labs, VitalLimits.load()),
                new Values.BloodPressureOrder(),
                new LabResults.WithoutRange(labs),
                new LabResults.Inconsistent(),
                Indications.load()));
    }

    /** A checker of exactly these invariants, repaired in this order. */
    public static ValidityChecker of(List<Invariant> invariants) {
        return new ValidityChecker(invariants);
    }

    public List<Invariant> invariants() {
        return invariants;
    }

    /** A checker of the invariants whose ids are given (e.g. to switch one off for a test), in the standard order. */
    public ValidityChecker only(Set<String> ids) {
        List<Invariant> kept =
                invariants.stream().filter(i -> ids.contains(i.id())).toList();
        if (kept.size() != ids.size()) {
            Set<String> unknown = new HashSet<>(ids);
            kept.forEach(i -> unknown.remove(i.id()));
            throw new IllegalArgumentException("unknown invariant ids " + unknown + " (known: "
                    + invariants.stream().map(Invariant::id).toList() + ")");
        }
        return new ValidityChecker(kept);
    }

    /** Every violation of every invariant, in invariant order; empty when the record is valid. */
    public List<Violation> check(PatientRecord record) {
        List<Violation> out = new ArrayList<>();
        for (Invariant i : invariants) {
            out.addAll(i.check(record));
        }
        return out;
    }

    /**
     * Repairs what can be repaired (each invariant's policy, in order) and reports what remains: the violations of
     * the repaired record. A record with no violation comes back unchanged with no changes.
     */
    public Repair repair(PatientRecord record) {
        List<Change> changes = new ArrayList<>();
        PatientRecord current = record;
        for (Invariant i : invariants) {
            current = i.repair(current, changes);
        }
        return new Repair(current, changes, check(current));
    }

    /** This checker as the evaluation's seam: one invariant id per violation. */
    public InvariantCheck asInvariantCheck() {
        return r -> check(r).stream().map(Violation::invariant).toList();
    }
}
