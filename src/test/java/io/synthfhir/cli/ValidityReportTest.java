package io.synthfhir.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidityReportTest {

    static final String[] COHORT = {"--count", "30", "--seed", "3", "--reference-date", "2026-11-22", "--threads", "2"};

    private static String[] args(String... extra) {
        String[] all = new String[1 + COHORT.length + extra.length];
        all[0] = "validity";
        System.arraycopy(COHORT, 0, all, 1, COHORT.length);
        System.arraycopy(extra, 0, all, 1 + COHORT.length, extra.length);
        return all;
    }

    @Test
    void bundledRulesPassAndTheMeasuresArePrinted() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = Cli.run(args(), new PrintStream(out, true, StandardCharsets.UTF_8), System.err);
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(rc).isZero();
        assertThat(text).contains("patients breaking an invariant: 0 of 30", "hypertension controlled", "colorectal");
    }

    @Test
    void aModuleOrderingADrugWithoutIndicationFails(@TempDir Path folder) throws Exception {
        Files.writeString(
                folder.resolve("no_reason.json"),
                """
                {"name": "No reason", "gmf_version": 2, "remarks": ["test fixture"], "states": {
                  "Initial": {"type": "Initial", "direct_transition": "Visit"},
                  "Visit": {"type": "Encounter", "encounter_class": "ambulatory",
                    "codes": [{"system": "SNOMED-CT", "code": "185345009", "display": "Encounter for symptom"}],
                    "direct_transition": "Drug"},
                  "Drug": {"type": "MedicationOrder",
                    "codes": [{"system": "RxNorm", "code": "308182", "display": "Amoxicillin 250 MG Oral Capsule"}],
                    "direct_transition": "End"},
                  "End": {"type": "EncounterEnd", "direct_transition": "Terminal"},
                  "Terminal": {"type": "Terminal"}}}
                """);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int rc = Cli.run(
                args("--rules-folder", folder.toString(), "--modules", "no_reason"),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                System.err);
        assertThat(rc).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("patients breaking an invariant: 30 of 30", "medication-without-indication");
    }
}
