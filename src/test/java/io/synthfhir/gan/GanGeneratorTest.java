package io.synthfhir.gan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.model.AdministrativeSex;
import io.synthfhir.model.Code;
import io.synthfhir.model.Encounter;
import io.synthfhir.model.Observation;
import io.synthfhir.model.PatientRecord;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GanGeneratorTest {
    private static final LocalDate TODAY = LocalDate.of(2025, 6, 1);

    private static CohortSpec spec() {
        return CohortSpec.defaults(42, TODAY).withYears(30);
    }

    @Test
    void sameSpecAndIndexGiveTheSameRecordWhateverThreadOrOrder() throws Exception {
        GanGenerator generator = GanFixtures.tinyModel().generator();
        List<PatientRecord> sequential = LongStream.range(0, 24)
                .mapToObj(i -> generator.generate(spec(), i))
                .toList();

        List<Long> shuffled = new ArrayList<>(LongStream.range(0, 24).boxed().toList());
        Collections.shuffle(shuffled, new java.util.Random(9));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        PatientRecord[] parallel = new PatientRecord[24];
        try {
            List<Future<?>> tasks = new ArrayList<>();
            GanGenerator other = GanFixtures.tinyModel().generator();
            for (long i : shuffled) {
                tasks.add(pool.submit(() -> parallel[(int) i] = other.generate(spec(), i)));
            }
            for (Future<?> f : tasks) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }

        assertThat(List.of(parallel)).isEqualTo(sequential);
        assertThat(sequential.stream().map(PatientRecord::id).distinct()).hasSize(24);
    }

    @Test
    void differentSeedsGiveDifferentPatients() {
        GanGenerator generator = GanFixtures.tinyModel().generator();

        assertThat(generator.generate(spec(), 0))
                .isNotEqualTo(generator.generate(new CohortSpec(43, List.of(), null, 0, 90, null, 30, TODAY), 0));
    }

    @Test
    void patientsHaveTheRequestedSexAndAgeAndNothingAfterTheReferenceDate() {
        GanGenerator generator = GanFixtures.tinyModel().generator();
        CohortSpec spec = spec().withGender(AdministrativeSex.FEMALE).withAges(30, 45);
        Instant today = TODAY.atStartOfDay(ZoneOffset.UTC).toInstant();

        for (long i = 0; i < 20; i++) {
            PatientRecord r = generator.generate(spec, i);
            assertThat(r.demographics().sex()).isEqualTo(AdministrativeSex.FEMALE);
            assertThat(Period.between(r.demographics().birthDate(), TODAY).getYears())
                    .isBetween(30, 45);
            assertThat(r.deathTime() == null || r.deathTime().isBefore(today)).isTrue();
            for (Encounter e : r.encounters()) {
                assertThat(e.start()).isBefore(today);
                assertThat(e.end()).isBeforeOrEqualTo(today).isAfterOrEqualTo(e.start());
                e.observations().forEach(o -> assertThat(o.effective()).isBetween(e.start(), e.end()));
                e.procedures().forEach(p -> {
                    assertThat(p.start()).isBetween(e.start(), e.end());
                    assertThat(p.end()).isBetween(e.start(), e.end());
                });
                e.conditions().forEach(c -> assertThat(
                                c.abatement() == null || c.abatement().isBefore(today))
                        .isTrue());
                e.medications().forEach(m -> assertThat(m.reason())
                        .as("indication of %s", m.code())
                        .isNotNull());
            }
        }
    }

    @Test
    void labResultsCarryAReferenceRangeAndMatchingInterpretation() {
        GanGenerator generator = GanFixtures.tinyModel().generator();
        List<Observation> labs = LongStream.range(0, 30)
                .mapToObj(i -> generator.generate(spec(), i))
                .flatMap(PatientRecord::observations)
                .filter(io.synthfhir.eval.PatientProfile::isNumericLab)
                .toList();

        assertThat(labs).isNotEmpty();
        for (Observation o : labs) {
            assertThat(o.range()).isNotNull();
            assertThat(o.interpretation())
                    .isEqualTo(io.synthfhir.model.Interpretation.of(o.quantity().value(), o.range()));
        }
    }

    @Test
    void everyPatientOfAConditionCohortHasTheCondition() {
        GanGenerator generator = GanFixtures.tinyModel().generator();
        Code condition = generator.learnedConditions().get(0);
        CohortSpec spec = spec().withCondition(new Code(condition.system(), condition.code(), ""));
        generator.check(spec);

        for (long i = 0; i < 15; i++) {
            assertThat(generator.generate(spec, i).hasCondition(condition)).isTrue();
        }
    }

    @Test
    void unlearnedConditionIsRefusedNamingTheParameterAndSomeLearnedOnes() {
        GanGenerator generator = GanFixtures.tinyModel().generator();
        Code learned = generator.learnedConditions().get(0);

        assertThatThrownBy(() -> generator.check(spec().withCondition(Code.snomed("123456789", ""))))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.parameter()).isEqualTo("condition");
                    assertThat(e.value()).isEqualTo("123456789");
                    assertThat(e.allowed()).contains(learned.code());
                });
    }

    @Test
    void reportsModeGanAndTheModelIdAsVersion() {
        GanGenerator generator = GanFixtures.tinyModel().generator();

        assertThat(generator.mode()).isEqualTo(GeneratorMode.GAN);
        assertThat(generator.version())
                .isEqualTo(GanFixtures.tinyModel().manifest().modelId())
                .startsWith("gan-");
    }
}
