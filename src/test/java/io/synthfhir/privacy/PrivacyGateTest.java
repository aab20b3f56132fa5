package io.synthfhir.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.PatientRecord;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The gate on stand-in "real" cohorts of adults made by the rule engine (adults: a ten-year history of a child can be
 * as plain as many other children's, and then equal profiles are no disclosure): a generator that never saw the
 * training patients passes, one that hands them back fails on every attack.
 */
class PrivacyGateTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 1);
    static List<PatientRecord> training;
    static List<PatientRecord> heldOut;
    static List<PatientRecord> independent;

    @BeforeAll
    static void cohorts() {
        RulesGenerator rules = RulesGenerator.standard(null);
        training = cohort(rules, 1, 0, 60);
        heldOut = cohort(rules, 1, 60, 120);
        independent = cohort(rules, 2, 0, 120);
    }

    static List<PatientRecord> cohort(RulesGenerator rules, long seed, long from, long to) {
        CohortSpec spec = CohortSpec.defaults(seed, TODAY).withAges(40, 85);
        return LongStream.range(from, to).mapToObj(i -> rules.generate(spec, i)).toList();
    }

    @Test
    void aGeneratorIndependentOfTheTrainingPatientsPasses() {
        // k = 1: the rule engine knows nothing of the training patients, so a code it shares with a few of them is
        // chance, not a leak; the rare-code check has its own test.
        PrivacyGate gate = new PrivacyGate(new PrivacyGate.Limits(0, 0.55, 0.6, 1));

        PrivacyGate.Audit audit = gate.audit(training, heldOut, independent, 7);

        assertThat(audit.reasons()).isEmpty();
        assertThat(audit.passed()).isTrue();
        assertThat(audit.figures()).containsEntry("privacy.exact-copies", 0.0);
        assertThat(audit.figures().get("privacy.mia.accuracy")).isBetween(0.35, 0.55);
    }

    @Test
    void aGeneratorThatHandsBackTrainingRecordsFails() {
        List<PatientRecord> copies = training;

        PrivacyGate.Audit audit = new PrivacyGate(PrivacyGate.Limits.defaults()).audit(training, heldOut, copies, 7);

        assertThat(audit.passed()).isFalse();
        assertThat(audit.figures().get("privacy.exact-copies")).isEqualTo(60.0);
        assertThat(audit.figures().get("privacy.dcr.closer-to-training")).isGreaterThan(0.6);
        assertThat(String.join("\n", audit.reasons()))
                .contains("copy a training record")
                .contains("closer to training");
        // HALO's median-threshold attack cannot tell ties at distance 0 apart, so it is reported, not relied on here.
        assertThat(audit.figures()).containsKey("privacy.mia.accuracy");
    }

    @Test
    void aCodeOnlyAFewTrainingPatientsHoldMustNotBeEmitted() {
        PrivacyGate gate = new PrivacyGate(new PrivacyGate.Limits(0, 1.0, 1.0, 1_000));

        PrivacyGate.Audit audit = gate.audit(training, heldOut, independent, 7);

        assertThat(audit.passed()).isFalse();
        assertThat(audit.figures().get("privacy.rare-codes-emitted")).isPositive();
        assertThat(audit.reasons()).anyMatch(r -> r.contains("fewer than 1000 training patients"));
    }

    @Test
    void aHeldOutSetTooSmallToAttackIsRefusedNotGuessed() {
        PrivacyGate.Audit audit =
                new PrivacyGate(PrivacyGate.Limits.defaults()).audit(training, heldOut.subList(0, 3), independent, 7);

        assertThat(audit.passed()).isFalse();
        assertThat(audit.reasons()).singleElement().asString().contains("at least 10 held-out patients");
    }
}
