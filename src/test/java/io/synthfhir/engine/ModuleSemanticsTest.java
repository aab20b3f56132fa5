package io.synthfhir.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.PatientRecord;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One tiny fixture module per behaviour of the interpreter, run through the real simulator. */
class ModuleSemanticsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final String ENC =
            "{\"type\":\"Encounter\",\"encounter_class\":\"ambulatory\",\"codes\":[{\"system\":\"SNOMED-CT\",\"code\":\"185345009\",\"display\":\"Encounter for symptom\"}]";
    private static final String END = "{\"type\":\"EncounterEnd\"";

    private static String onset(String code) {
        return "{\"type\":\"ConditionOnset\",\"codes\":[{\"system\":\"SNOMED-CT\",\"code\":\"" + code
                + "\",\"display\":\"x\"}]";
    }

    private static String module(String states) {
        return "{\"name\":\"fixture\",\"remarks\":[\"test fixture\"],\"states\":{\"Initial\":{\"type\":\"Initial\",\"direct_transition\":\"S1\"},"
                + states + ",\"Terminal\":{\"type\":\"Terminal\"}}}";
    }

    private static RulesGenerator generator(Map<String, String> modules, ResourceReader files) {
        List<ModuleLibrary.Source> sources = modules.entrySet().stream()
                .map(e -> new ModuleLibrary.Source(e.getKey(), e.getValue(), files))
                .toList();
        return new RulesGenerator(ModuleLibrary.load(sources), "fixture");
    }

    private static RulesGenerator generator(String json) {
        return generator(Map.of("fixture", json), path -> null);
    }

    private static List<PatientRecord> patients(RulesGenerator g, int n, int minAge, int maxAge) {
        CohortSpec spec =
                CohortSpec.defaults(11, TODAY).withAges(minAge, maxAge).withYears(110);
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> g.generate(spec, i))
                .toList();
    }

    @Test
    void guardBlocksUntilConditionHolds() {
        RulesGenerator g = generator(module(
                "\"S1\":{\"type\":\"Guard\",\"allow\":{\"condition_type\":\"Age\",\"operator\":\">=\",\"quantity\":50,\"unit\":\"years\"},\"direct_transition\":\"E\"},"
                        + "\"E\":" + ENC + ",\"direct_transition\":\"C\"},\"C\":" + onset("1111")
                        + ",\"direct_transition\":\"X\"},"
                        + "\"X\":" + END + ",\"direct_transition\":\"Terminal\"}"));
        for (PatientRecord p : patients(g, 10, 55, 80)) {
            if (p.isDeceased()) {
                continue; // died before 50: the guard never opened
            }
            var condition = p.conditions().findFirst().orElseThrow();
            int ageAtOnset = Period.between(
                            p.demographics().birthDate(), LocalDate.ofInstant(condition.onset(), ZoneOffset.UTC))
                    .getYears();
            assertThat(ageAtOnset).isEqualTo(50);
        }
    }

    @Test
    void delayWaitsItsDurationBetweenEncounters() {
        RulesGenerator g = generator(module(
                "\"S1\":" + ENC + ",\"direct_transition\":\"X1\"},\"X1\":" + END + ",\"direct_transition\":\"D\"},"
                        + "\"D\":{\"type\":\"Delay\",\"exact\":{\"quantity\":2,\"unit\":\"years\"},\"direct_transition\":\"E2\"},"
                        + "\"E2\":" + ENC + ",\"direct_transition\":\"X2\"},\"X2\":" + END
                        + ",\"direct_transition\":\"Terminal\"}"));
        for (PatientRecord p : patients(g, 5, 10, 30)) {
            List<Encounter> visits = p.encounters().stream()
                    .filter(e -> e.type().code().equals("185345009"))
                    .toList();
            assertThat(visits).hasSize(2);
            Duration gap = Duration.between(visits.get(0).start(), visits.get(1).start());
            assertThat(gap.toDays()).isBetween(730L - 7, 731L + 7);
        }
    }

    @Test
    void distributedTransitionFollowsAttributeProbabilities() {
        RulesGenerator g = generator(module(
                "\"S1\":{\"type\":\"SetAttribute\",\"attribute\":\"p\",\"value\":1.0,\"direct_transition\":\"E\"},"
                        + "\"E\":" + ENC
                        + ",\"distributed_transition\":[{\"transition\":\"C\",\"distribution\":{\"attribute\":\"p\",\"default\":0.0}},"
                        + "{\"transition\":\"X\",\"distribution\":0.0}]},\"C\":" + onset("2222")
                        + ",\"direct_transition\":\"X\"},"
                        + "\"X\":" + END + ",\"direct_transition\":\"Terminal\"}"));
        assertThat(patients(g, 20, 1, 50)).allSatisfy(p -> assertThat(p.hasCondition(Code.snomed("2222", "")))
                .isTrue());
    }

    @Test
    void counterAndConditionalTransitionCountVisits() {
        RulesGenerator g = generator(
                module("\"S1\":" + ENC + ",\"direct_transition\":\"X\"},\"X\":" + END + ",\"direct_transition\":\"N\"},"
                        + "\"N\":{\"type\":\"Counter\",\"attribute\":\"visits\",\"action\":\"increment\",\"direct_transition\":\"Q\"},"
                        + "\"Q\":{\"type\":\"Delay\",\"exact\":{\"quantity\":1,\"unit\":\"months\"},\"conditional_transition\":["
                        + "{\"condition\":{\"condition_type\":\"Attribute\",\"attribute\":\"visits\",\"operator\":\"<\",\"value\":3},\"transition\":\"S1\"},"
                        + "{\"transition\":\"Terminal\"}]}"));
        for (PatientRecord p : patients(g, 5, 5, 40)) {
            assertThat(p.encounters().stream()
                            .filter(e -> e.type().code().equals("185345009"))
                            .count())
                    .isEqualTo(3);
        }
    }

    @Test
    void submoduleRunsThenReturnsToTheCaller() {
        String sub =
                "{\"name\":\"sub\",\"states\":{\"Initial\":{\"type\":\"Initial\",\"direct_transition\":\"C\"},\"C\":"
                        + onset("3333") + ",\"direct_transition\":\"Terminal\"},\"Terminal\":{\"type\":\"Terminal\"}}}";
        String main = module("\"S1\":" + ENC + ",\"direct_transition\":\"Call\"},"
                + "\"Call\":{\"type\":\"CallSubmodule\",\"submodule\":\"helpers/sub\",\"direct_transition\":\"C\"},"
                + "\"C\":" + onset("4444") + ",\"direct_transition\":\"X\"},\"X\":" + END
                + ",\"direct_transition\":\"Terminal\"}");
        RulesGenerator g = generator(Map.of("fixture", main, "helpers/sub", sub), path -> null);
        assertThat(g.library().topLevel()).containsExactly("fixture");
        for (PatientRecord p : patients(g, 5, 5, 40)) {
            assertThat(p.conditions().map(c -> c.code().code()).toList()).containsExactly("3333", "4444");
        }
    }

    @Test
    void lookupTableTransitionChoosesByAttributeRow() {
        String csv = "gender,C,X\nF,1.0,0.0\nM,0.0,1.0\n";
        String json = module("\"S1\":" + ENC + ",\"lookup_table_transition\":["
                + "{\"transition\":\"C\",\"default_probability\":0.5,\"lookup_table_name\":\"t.csv\"},"
                + "{\"transition\":\"X\",\"default_probability\":0.5,\"lookup_table_name\":\"t.csv\"}]},"
                + "\"C\":" + onset("5555") + ",\"direct_transition\":\"X\"},\"X\":" + END
                + ",\"direct_transition\":\"Terminal\"}");
        RulesGenerator g = generator(Map.of("fixture", json), path -> path.equals("lookup_tables/t.csv") ? csv : null);
        for (PatientRecord p : patients(g, 20, 5, 40)) {
            boolean female = p.demographics().sex() == io.synthfhir.model.AdministrativeSex.FEMALE;
            assertThat(p.hasCondition(Code.snomed("5555", ""))).isEqualTo(female);
        }
    }

    @Test
    void unknownStateTypeListsTheSupportedOnes() {
        assertThatThrownBy(() -> generator(module("\"S1\":{\"type\":\"Teleport\",\"direct_transition\":\"Terminal\"}")))
                .isInstanceOfSatisfying(
                        ModuleException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(m -> assertThat(m)
                                .contains("fixture.json: state 'S1' field 'type'")
                                .contains("unknown state type 'Teleport'")
                                .contains("ConditionOnset")));
    }

    @Test
    void malformedModuleNamesFileStateAndFieldPath() {
        String bad = module(
                "\"S1\":{\"type\":\"ConditionOnset\",\"codes\":[{\"system\":\"SNOMED-CT\",\"display\":\"no code\"}],\"direct_transition\":\"Nowhere\"}");
        assertThatThrownBy(() -> generator(bad)).isInstanceOfSatisfying(ModuleException.class, e -> assertThat(
                        e.errors())
                .anySatisfy(m -> assertThat(m).isEqualTo("fixture.json: state 'S1' field 'codes[0].code': missing")));
    }

    @Test
    void aBrokenModuleLeavesNothingHalfLoaded() {
        String good = module("\"S1\":{\"type\":\"Simple\",\"direct_transition\":\"Terminal\"}");
        String broken = module("\"S1\":{\"type\":\"Simple\",\"direct_transition\":\"Missing\"}");
        assertThatThrownBy(() -> generator(Map.of("good", good, "broken", broken), p -> null))
                .isInstanceOfSatisfying(ModuleException.class, e -> assertThat(e.errors())
                        .containsExactly("broken.json: state 'S1' transition: no state named 'Missing'"));
    }

    @Test
    void cyclicSubmoduleCallsAreDetected() {
        String a =
                "{\"states\":{\"Initial\":{\"type\":\"Initial\",\"direct_transition\":\"Call\"},\"Call\":{\"type\":\"CallSubmodule\",\"submodule\":\"x/b\",\"direct_transition\":\"Terminal\"},\"Terminal\":{\"type\":\"Terminal\"}}}";
        String b = a.replace("x/b", "x/a");
        assertThatThrownBy(() -> generator(Map.of("x/a", a, "x/b", b), p -> null))
                .isInstanceOfSatisfying(ModuleException.class, e -> assertThat(e.errors())
                        .anySatisfy(m -> assertThat(m).contains("cyclic submodule calls: x/a -> x/b -> x/a")));
    }

    @Test
    void physiologyStateFollowsItsAlternativeTransition() {
        RulesGenerator g = generator(module("\"S1\":" + ENC + ",\"direct_transition\":\"P\"},"
                + "\"P\":{\"type\":\"Physiology\",\"model\":\"m.xml\",\"direct_transition\":\"X\",\"alt_direct_transition\":\"C\"},"
                + "\"C\":" + onset("6666") + ",\"direct_transition\":\"X\"},\"X\":" + END
                + ",\"direct_transition\":\"Terminal\"}"));
        assertThat(patients(g, 5, 5, 40)).allSatisfy(p -> assertThat(p.hasCondition(Code.snomed("6666", "")))
                .isTrue());
    }

    @Test
    void typeOfCareTransitionSendsPeopleToAmbulatoryAndEmergencyCare() {
        RulesGenerator g = generator(module("\"S1\":{\"type\":\"Simple\",\"type_of_care_transition\":"
                + "{\"ambulatory\":\"A\",\"emergency\":\"E\",\"telemedicine\":\"A\"}},"
                + "\"A\":" + onset("7001") + ",\"direct_transition\":\"V\"},"
                + "\"E\":" + onset("7002") + ",\"direct_transition\":\"V\"},"
                + "\"V\":" + ENC + ",\"direct_transition\":\"X\"},\"X\":" + END
                + ",\"direct_transition\":\"Terminal\"}"));
        List<PatientRecord> people = patients(g, 60, 1, 5);
        long emergency = people.stream()
                .filter(p -> p.hasCondition(Code.snomed("7002", "")))
                .count();
        assertThat(emergency).isBetween(3L, 35L); // Synthea's 25-35 % before telemedicine
        assertThat(people).allSatisfy(p -> assertThat(
                        p.hasCondition(Code.snomed("7001", "")) != p.hasCondition(Code.snomed("7002", "")))
                .isTrue());
    }

    @Test
    void observationValuesComeFromDistributionsWhileTextValuesOnlyServeLogic() {
        String obs =
                "{\"type\":\"Observation\",\"category\":\"therapy\",\"unit\":\"{INR}\",\"codes\":[{\"system\":\"LOINC\",\"code\":\"6301-6\",\"display\":\"INR\"}]";
        String text =
                "{\"type\":\"Observation\",\"category\":\"survey\",\"unit\":\"{nominal}\",\"codes\":[{\"system\":\"LOINC\",\"code\":\"55277-8\",\"display\":\"HIV status\"}]";
        RulesGenerator g = generator(module("\"S1\":" + ENC + ",\"direct_transition\":\"O\"},"
                + "\"O\":" + obs
                + ",\"distribution\":{\"kind\":\"UNIFORM\",\"parameters\":{\"low\":0.9,\"high\":1.2}},\"direct_transition\":\"T\"},"
                + "\"T\":" + text + ",\"exact\":{\"quantity\":\"HIV negative\"},\"conditional_transition\":["
                + "{\"condition\":{\"condition_type\":\"Observation\",\"codes\":[{\"system\":\"LOINC\",\"code\":\"55277-8\"}],"
                + "\"operator\":\"==\",\"value\":\"HIV negative\"},\"transition\":\"C\"},{\"transition\":\"X\"}]},"
                + "\"C\":" + onset("8888") + ",\"direct_transition\":\"X\"},\"X\":" + END
                + ",\"direct_transition\":\"Terminal\"}"));
        for (PatientRecord p : patients(g, 5, 5, 40)) {
            var inr = p.encounters().stream()
                    .flatMap(e -> e.observations().stream())
                    .filter(o -> o.code().code().equals("6301-6"))
                    .findFirst()
                    .orElseThrow();
            assertThat(inr.quantity().value()).isBetween(0.9, 1.2);
            assertThat(inr.category()).isEqualTo(io.synthfhir.model.ObservationCategory.PROCEDURE);
            assertThat(p.encounters().stream()
                            .flatMap(e -> e.observations().stream())
                            .noneMatch(o -> o.code().code().equals("55277-8")))
                    .isTrue();
            assertThat(p.hasCondition(Code.snomed("8888", ""))).isTrue();
        }
    }

    @Test
    void unknownVitalSignIsALoadErrorNamingTheAllowedNames() {
        assertThatThrownBy(
                        () -> generator(
                                module(
                                        "\"S1\":{\"type\":\"VitalSign\",\"vital_sign\":\"Aura\",\"unit\":\"x\",\"exact\":{\"quantity\":1},\"direct_transition\":\"Terminal\"}")))
                .isInstanceOfSatisfying(
                        ModuleException.class,
                        e -> assertThat(e.errors()).singleElement().satisfies(m -> assertThat(m)
                                .startsWith("fixture.json: state 'S1' field 'vital_sign': unknown vital sign 'Aura'")
                                .contains("Systolic Blood Pressure")));
    }

    @Test
    void partialLoadingDropsCallersOfABrokenSubmoduleAndSaysWhy() {
        String broken = "{\"states\":{\"Initial\":{\"type\":\"Initial\",\"direct_transition\":\"Nowhere\"}}}";
        String caller = module(
                "\"S1\":{\"type\":\"CallSubmodule\",\"submodule\":\"x/broken\",\"direct_transition\":\"Terminal\"}");
        String fine = module("\"S1\":{\"type\":\"Simple\",\"direct_transition\":\"Terminal\"}");
        ModuleLibrary.Partial partial = ModuleLibrary.loadPartially(List.of(
                new ModuleLibrary.Source("x/broken", broken, f -> null),
                new ModuleLibrary.Source("caller", caller, f -> null),
                new ModuleLibrary.Source("fine", fine, f -> null)));
        assertThat(partial.library().topLevel()).containsExactly("fine");
        assertThat(partial.failures())
                .containsEntry("x/broken", "x/broken.json: state 'Initial' transition: no state named 'Nowhere'")
                .containsEntry("caller", "caller.json: state 'S1' field 'submodule': no module named 'x/broken'");
    }

    @Test
    void anErrorWhileRunningNamesTheModuleAndTheState() {
        String csv = "age,C,X\nten-20,1.0,0.0\n";
        String json = module(
                "\"S1\":{\"type\":\"Simple\",\"lookup_table_transition\":["
                        + "{\"transition\":\"C\",\"default_probability\":0.5,\"lookup_table_name\":\"t.csv\"},"
                        + "{\"transition\":\"X\",\"default_probability\":0.5,\"lookup_table_name\":\"t.csv\"}]},"
                        + "\"C\":{\"type\":\"Simple\",\"direct_transition\":\"X\"},\"X\":{\"type\":\"Simple\",\"direct_transition\":\"Terminal\"}");
        RulesGenerator g = generator(Map.of("fixture", json), path -> path.equals("lookup_tables/t.csv") ? csv : null);
        assertThatThrownBy(() -> patients(g, 1, 5, 10))
                .isInstanceOf(ModuleRunException.class)
                .hasMessageStartingWith("fixture.json: state 'S1': NumberFormatException");
    }
}
