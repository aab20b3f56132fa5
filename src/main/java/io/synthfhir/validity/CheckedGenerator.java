package io.synthfhir.validity;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.model.PatientRecord;
import java.util.List;
import java.util.Optional;

/**
 * A generator whose every record has passed the validity checker: what can be repaired is repaired, and a record the
 * repair cannot make valid is rejected and drawn again from a stream derived from (seed, attempt) — so the result is
 * still a pure function of (spec, index). The checker has the last word; the generator's own output is what the
 * evaluation's violation rate measures before this step.
 */
public final class CheckedGenerator implements PatientGenerator {
    /** Draws per patient before giving up; a generator that needs more is broken, and says so. */
    static final int MAX_ATTEMPTS = 8;

    private final PatientGenerator inner;
    private final ValidityChecker checker;

    public CheckedGenerator(PatientGenerator inner, ValidityChecker checker) {
        this.inner = inner;
        this.checker = checker;
    }

    public PatientGenerator unchecked() {
        return inner;
    }

    @Override
    public GeneratorMode mode() {
        return inner.mode();
    }

    @Override
    public String version() {
        return inner.version();
    }

    @Override
    public Optional<String> privacyGuarantee() {
        return inner.privacyGuarantee();
    }

    @Override
    public void check(CohortSpec spec) {
        inner.check(spec);
    }

    @Override
    public PatientRecord generate(CohortSpec spec, long index) {
        List<Violation> last = List.of();
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            CohortSpec draw = attempt == 0 ? spec : spec.withSeed(spec.seed() + attempt * 0x9E3779B97F4A7C15L);
            Repair repair = checker.repair(inner.generate(draw, index));
            if (repair.valid()) {
                return repair.record();
            }
            last = repair.remaining();
        }
        throw new IllegalStateException("the " + inner.mode().code() + " generator made no valid record for patient "
                + index + " in " + MAX_ATTEMPTS + " draws; last violations: " + last);
    }
}
