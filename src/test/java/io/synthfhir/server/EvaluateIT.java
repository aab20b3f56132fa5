package io.synthfhir.server;

import static io.synthfhir.testing.HeadlessChromium.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import io.synthfhir.app.SynthFhirApplication;
import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.eval.EvaluationInput;
import io.synthfhir.eval.EvaluationReport;
import io.synthfhir.eval.Evaluator;
import io.synthfhir.eval.MetricResult;
import io.synthfhir.eval.Thresholds;
import io.synthfhir.fhir.extract.Extraction;
import io.synthfhir.fhir.extract.PatientRecordExtractor;
import io.synthfhir.fhir.extract.RecordIds;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.testing.CorpusBundles;
import io.synthfhir.testing.HeadlessChromium;
import io.synthfhir.validity.ValidityChecker;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationDefinition;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * {@code $evaluate} on the real HAPI JPA server (H2, its own database, security closed) over HTTP: errors first on
 * an empty server, then six Synthea patients loaded by transaction and evaluated against generated and stored
 * synthetic cohorts. The figures the server answers must equal the ones computed here directly from the same
 * corpus lines read from the file, which checks the server's extraction and the operation end to end.
 */
@SpringBootTest(
        classes = SynthFhirApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:synthfhir-evaluate-it;DB_CLOSE_DELAY=-1",
            "synthfhir.reference-date=2026-11-22",
            "synthfhir.access.open=false",
            "synthfhir.access.tokens[0].value=" + EvaluateIT.EVALUATE_TOKEN,
            "synthfhir.access.tokens[0].scopes[0]=evaluate",
            "synthfhir.access.tokens[0].scopes[1]=persist",
            "synthfhir.access.tokens[1].value=" + EvaluateIT.PERSIST_TOKEN,
            "synthfhir.access.tokens[1].scopes[0]=persist"
        })
@ActiveProfiles("test")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluateIT {
    static final String EVALUATE_TOKEN = "evaluate-and-persist-token-1234";
    static final String PERSIST_TOKEN = "persist-only-token-123456789";
    static final int LOADED = 6;
    static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final FhirContext CTX = FhirContext.forR4Cached();
    private static List<Bundle> corpus;

    @LocalServerPort
    int port;

    @Autowired
    ServerCohortReader reader;

    private final HttpClient http = HttpClient.newHttpClient();
    private IGenericClient client;

    @BeforeEach
    void connect() {
        CTX.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
        CTX.getRestfulClientFactory().setSocketTimeout(300_000);
        client = CTX.newRestfulGenericClient(base());
        client.registerInterceptor(new BearerTokenAuthInterceptor(EVALUATE_TOKEN));
    }

    private String base() {
        return "http://localhost:" + port + "/fhir";
    }

    private HttpResponse<String> get(String query, String token) throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(base() + "/$evaluate" + (query.isEmpty() ? "" : "?" + query)));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return http.send(b.GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The six smallest corpus bundles, in corpus order: small enough to load in seconds. */
    static synchronized List<Bundle> corpus() {
        if (corpus == null) {
            corpus = CorpusBundles.smallest(LOADED);
        }
        return corpus;
    }

    @Test
    @Order(1)
    void emptyServerAnswers422SayingThereIsNothingRealToCompareWith() throws Exception {
        HttpResponse<String> response = get("mode=rules&count=3", EVALUATE_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        OperationOutcome oo = CTX.newJsonParser().parseResource(OperationOutcome.class, response.body());
        assertThat(oo.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
        assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("no real patient records");
    }

    @Test
    @Order(2)
    void callersWithoutTheEvaluatePermissionAreRefused() throws Exception {
        assertThat(get("", null).statusCode()).isEqualTo(401);
        assertThat(get("", "not-a-known-token-at-all").statusCode()).isEqualTo(401);
        HttpResponse<String> forbidden = get("", PERSIST_TOKEN);
        assertThat(forbidden.statusCode()).isEqualTo(403);
        assertThat(forbidden.body()).contains("evaluate");
    }

    @Test
    @Order(3)
    void badParameterValuesAreNamedWithWhatIsAllowed() throws Exception {
        assertError("heldOutShare=1.5", "heldOutShare", "1.5", "above 0 and below 1");
        assertError("splitSalt=4", "splitSalt", "4", "heldOutShare");
        assertError("synthetic=maybe", "synthetic", "maybe", "generate | stored");
        assertError("synthetic=stored&count=5", "count", "5", "synthetic=generate");
        assertError("run=rules:x:seed=1", "run", "rules:x:seed=1", "synthetic=stored");
        assertError("count=0", "count", "0", "1 to 500");
        assertError("mode=magic", "mode", "magic", "rules | gan | hybrid");
        assertError("maxPatients=0", "maxPatients", "0", "1 to 5000");
        assertError("threshold=detection-accuracy-max=high", "threshold", "detection-accuracy-max=high", "finite");
        assertError("threshold=no-such-bound=1", "threshold", "no-such-bound=1", "detection-accuracy-max");
        assertError("heldoutshare=0.2", "heldoutshare", "heldoutshare", "heldOutShare");
    }

    @Test
    @Order(4)
    void realRecordsCodedInAnotherSystemAreRefusedWithTheSystemsNamed() throws Exception {
        Bundle icd = CTX.newJsonParser()
                .parseResource(
                        Bundle.class,
                        """
                {"resourceType": "Bundle", "type": "transaction", "entry": [
                 {"fullUrl": "urn:uuid:0d6d5c36-1b1e-4c25-9e5a-1f2a3b4c5d6e", "resource": {"resourceType": "Patient",
                   "gender": "male", "birthDate": "1960-03-04"}, "request": {"method": "POST", "url": "Patient"}},
                 {"fullUrl": "urn:uuid:1d6d5c36-1b1e-4c25-9e5a-1f2a3b4c5d6e", "resource": {"resourceType": "Encounter",
                   "status": "finished", "class": {"system": "http://terminology.hl7.org/CodeSystem/v3-ActCode",
                   "code": "AMB"}, "subject": {"reference": "urn:uuid:0d6d5c36-1b1e-4c25-9e5a-1f2a3b4c5d6e"},
                   "period": {"start": "2020-01-02T10:00:00Z", "end": "2020-01-02T11:00:00Z"}},
                   "request": {"method": "POST", "url": "Encounter"}},
                 {"fullUrl": "urn:uuid:2d6d5c36-1b1e-4c25-9e5a-1f2a3b4c5d6e", "resource": {"resourceType": "Condition",
                   "code": {"coding": [{"system": "http://hl7.org/fhir/sid/icd-10-cm", "code": "E11.9"}]},
                   "subject": {"reference": "urn:uuid:0d6d5c36-1b1e-4c25-9e5a-1f2a3b4c5d6e"},
                   "encounter": {"reference": "urn:uuid:1d6d5c36-1b1e-4c25-9e5a-1f2a3b4c5d6e"},
                   "onsetDateTime": "2020-01-02T10:30:00Z"}, "request": {"method": "POST", "url": "Condition"}}
                ]}""");
        Bundle created = client.transaction().withBundle(icd).execute();

        HttpResponse<String> response = get("mode=rules&count=3", EVALUATE_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
        assertThat(response.body())
                .contains("conditions are coded in http://hl7.org/fhir/sid/icd-10-cm in the real records")
                .contains("http://snomed.info/sct in the synthetic ones");
        for (int i = created.getEntry().size() - 1; i >= 0; i--) {
            client.delete()
                    .resourceById(new org.hl7.fhir.r4.model.IdType(
                            created.getEntry().get(i).getResponse().getLocation()))
                    .execute();
        }
    }

    @Test
    @Order(10)
    void serverExtractionGivesTheRecordsTheFileGives() throws Exception {
        for (Bundle b : corpus()) {
            client.transaction().withBundle(b).execute();
        }

        Extraction fromServer = reader.read(ServerCohortReader.Selection.real());

        List<PatientRecord> fromFile = fromFile();
        assertThat(fromServer.records()).hasSize(LOADED);
        for (int i = 0; i < LOADED; i++) {
            PatientRecord s = fromServer.records().get(i);
            PatientRecord f = fromFile.get(i);
            assertThat(s.id()).isNotEqualTo(f.id()); // the server's own logical id, not the file's
            assertThat(withId(s, f.id())).isEqualTo(f);
        }
        assertThat(fromServer.report().totalMapped() + fromServer.report().totalSkipped())
                .isEqualTo(fromServer.report().totalRead());
        assertThat(reader.read(ServerCohortReader.Selection.real().limitedTo(2)).records())
                .containsExactlyElementsOf(fromServer.records().subList(0, 2));
        // A condition some loaded patients have and others lack selects exactly those who have it.
        io.synthfhir.model.Code condition = fromFile.stream()
                .flatMap(PatientRecord::conditions)
                .map(io.synthfhir.model.Condition::code)
                .filter(c -> fromFile.stream().filter(r -> r.hasCondition(c)).count() == 2)
                .findFirst()
                .orElseThrow();
        List<PatientRecord> withCondition = reader.read(
                        ServerCohortReader.Selection.real().withCondition(condition))
                .records();
        assertThat(withCondition).hasSize(2).allSatisfy(r -> assertThat(r.hasCondition(condition))
                .isTrue());
    }

    @Test
    @Order(11)
    void evaluationAgainstRulesAnswersEveryFigureAsComputedDirectly() throws Exception {
        Parameters in = new Parameters();
        in.addParameter().setName("mode").setValue(new StringType("rules"));
        in.addParameter().setName("seed").setValue(new StringType("7"));
        in.addParameter().setName("threshold").setValue(new StringType("detection-accuracy-max=0.9"));

        Parameters out = client.operation()
                .onServer()
                .named("$evaluate")
                .withParameters(in)
                .execute();

        EvaluationReport expected = direct(fromFile(), null, 7, LOADED);
        assertThat(integer(out, "realPatients")).isEqualTo(LOADED);
        assertThat(integer(out, "syntheticPatients")).isEqualTo(LOADED);
        assertThat(integer(out, "trainingPatients")).isZero();
        Map<String, Parameters.ParametersParameterComponent> metrics = metrics(out);
        assertThat(metrics.keySet())
                .containsExactlyElementsOf(expected.metrics().stream()
                        .map(MetricResult::id)
                        .sorted()
                        .toList());
        for (MetricResult m : expected.metrics()) {
            Parameters.ParametersParameterComponent served = metrics.get(m.id());
            assertThat(part(served, "verdict"))
                    .as(m.id())
                    .isEqualTo(EvaluationResults.code(m.verdict().name()));
            if (m.value().isComputed()) {
                assertThat(Double.parseDouble(part(served, "value")))
                        .as(m.id())
                        .isEqualTo(m.value().value());
            } else {
                assertThat(part(served, "notComputable"))
                        .as(m.id())
                        .isEqualTo(m.value().reason());
            }
        }
        assertThat(part(metrics.get("detection.accuracy"), "threshold")).isEqualTo("≤ 0.9");
        assertThat(part(metrics.get("privacy.mia.accuracy"), "notComputable")).contains("training records");
        assertThat(bool(out, "passed")).isEqualTo(expected.passed());
    }

    @Test
    @Order(12)
    void heldOutSplitComparesWithTheHeldOutPartAndAttacksTheTrainingPart() throws Exception {
        HttpResponse<String> response = get("heldOutShare=0.5&splitSalt=3&seed=5", EVALUATE_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Parameters out = CTX.newJsonParser().parseResource(Parameters.class, response.body());
        List<PatientRecord> real =
                reader.read(ServerCohortReader.Selection.real()).records();
        var parts = new io.synthfhir.eval.CohortSplit(3, 0.5).apply(real);
        assertThat(integer(out, "realPatients")).isEqualTo(parts.heldOut().size());
        assertThat(integer(out, "trainingPatients")).isEqualTo(parts.training().size());
        assertThat(integer(out, "syntheticPatients")).isEqualTo(parts.heldOut().size());
        EvaluationReport expected =
                direct(parts.heldOut(), parts.training(), 5, parts.heldOut().size());
        Map<String, Parameters.ParametersParameterComponent> metrics = metrics(out);
        MetricResult copies = expected.metric("privacy.exact-copies").orElseThrow();
        assertThat(Double.parseDouble(part(metrics.get("privacy.exact-copies"), "value")))
                .isEqualTo(copies.value().value());
    }

    @Test
    @Order(13)
    void storedSyntheticRecordsAreEvaluatedAndNeverCountAsReal() throws Exception {
        Parameters synth = new Parameters();
        synth.addParameter().setName("count").setValue(new org.hl7.fhir.r4.model.IntegerType(3));
        synth.addParameter().setName("seed").setValue(new StringType("99"));
        synth.addParameter().setName("persist").setValue(new org.hl7.fhir.r4.model.BooleanType(true));
        client.operation()
                .onServer()
                .named("$synthesize")
                .withParameters(synth)
                .returnResourceType(Bundle.class)
                .execute();

        HttpResponse<String> response = get("synthetic=stored", EVALUATE_TOKEN);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Parameters out = CTX.newJsonParser().parseResource(Parameters.class, response.body());
        assertThat(integer(out, "realPatients")).isEqualTo(LOADED);
        assertThat(integer(out, "syntheticPatients")).isEqualTo(3);
        List<PatientRecord> stored =
                reader.read(ServerCohortReader.Selection.synthetic(null)).records();
        RulesGenerator rules = RulesGenerator.standard(null);
        CohortSpec spec = CohortSpec.defaults(99, TODAY);
        for (int i = 0; i < 3; i++) {
            assertThat(withId(stored.get(i), "x")).isEqualTo(withId(rules.generate(spec, i), "x"));
        }
        assertThat(reader.read(ServerCohortReader.Selection.synthetic("rules:nope:seed=1"))
                        .records())
                .isEmpty();
        assertThat(get("synthetic=stored&run=rules:nope:seed=1", EVALUATE_TOKEN).statusCode())
                .isEqualTo(422);
    }

    @Test
    @Order(14)
    void htmlReportOverHttpRendersItsChartsInHeadlessChromium(@TempDir Path tmp) throws Exception {
        HttpResponse<String> response = get("_format=html&seed=7", EVALUATE_TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(response.body()).startsWith("<!DOCTYPE html>").doesNotContain("<script");
        HeadlessChromium chromium = HeadlessChromium.find();
        assumeTrue(chromium != null, "no chromium binary on PATH (apt-get install chromium); rendering check skipped");
        Path page = tmp.resolve("evaluate.html");
        Files.writeString(page, response.body(), StandardCharsets.UTF_8);
        String dom = chromium.dumpDom(page, tmp);
        EvaluationReport expected = direct(fromFile(), null, 7, LOADED);
        assertThat(count(dom, "<circle class=\"pt\""))
                .isEqualTo(expected.prevalence().size());
        assertThat(count(dom, "class=\"pyramid-bar "))
                .isEqualTo(4 * expected.pyramid().bands().size());
        assertThat(count(dom, "<tr class=\"metric\""))
                .isEqualTo(expected.metrics().size());
        assertThat(HeadlessChromium.distinctColours(chromium.screenshot(page, tmp, 1200, 1800)))
                .isGreaterThan(50);
    }

    @Test
    @Order(15)
    void servedOperationDefinitionMatchesThePublishedFile() {
        Bundle found = client.search()
                .forResource(OperationDefinition.class)
                .where(OperationDefinition.URL.matches().value(EvaluateProvider.CANONICAL))
                .returnBundle(Bundle.class)
                .execute();
        assertThat(found.getEntry()).hasSize(1);
        OperationDefinition served =
                (OperationDefinition) found.getEntryFirstRep().getResource();
        OperationDefinition file = PluginRegistrar.load(CTX, "OperationDefinition-evaluate.json");
        served.setMeta(null);
        served.setIdElement(null);
        file.setMeta(null);
        file.setIdElement(null);
        assertThat(served.equalsDeep(file)).isTrue();
        assertThat(CTX.newJsonParser()
                        .encodeResourceToString(client.capabilities()
                                .ofType(org.hl7.fhir.r4.model.CapabilityStatement.class)
                                .execute()))
                .contains(EvaluateProvider.CANONICAL);
    }

    private static List<PatientRecord> fromFile() throws Exception {
        PatientRecordExtractor extractor = new PatientRecordExtractor(RecordIds.LOGICAL_ID);
        List<PatientRecord> records = new ArrayList<>();
        for (Bundle b : corpus()) {
            records.addAll(extractor.extract(b).records());
        }
        return records;
    }

    /** What $evaluate should answer for these real records and a rules cohort of {@code count} with this seed. */
    private static EvaluationReport direct(List<PatientRecord> real, List<PatientRecord> training, long seed, int n) {
        RulesGenerator rules = RulesGenerator.standard(null);
        CohortSpec spec = CohortSpec.defaults(seed, TODAY);
        List<PatientRecord> synthetic =
                IntStream.range(0, n).mapToObj(i -> rules.generate(spec, i)).toList();
        Thresholds thresholds = io.synthfhir.eval.ThresholdOverrides.apply(
                Thresholds.defaults(), Map.of("detection-accuracy-max", "0.9"));
        return new Evaluator()
                .evaluate(
                        EvaluationInput.of(real, synthetic, training, seed)
                                .withValidity(ValidityChecker.standard().asInvariantCheck()),
                        thresholds);
    }

    private static PatientRecord withId(PatientRecord r, String id) {
        return new PatientRecord(id, r.demographics(), r.careProvider(), r.deathTime(), r.encounters());
    }

    private void assertError(String query, String parameter, String value, String allowed) throws Exception {
        HttpResponse<String> response = get(query, EVALUATE_TOKEN);
        assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(400);
        OperationOutcome oo = CTX.newJsonParser().parseResource(OperationOutcome.class, response.body());
        OperationOutcome.OperationOutcomeIssueComponent issue = oo.getIssueFirstRep();
        assertThat(issue.getExpression()).extracting(StringType::getValue).contains(parameter);
        assertThat(issue.getDiagnostics()).as(query).contains("'" + value + "'").contains(allowed);
    }

    private static Map<String, Parameters.ParametersParameterComponent> metrics(Parameters out) {
        Map<String, Parameters.ParametersParameterComponent> byId = new TreeMap<>();
        out.getParameter().stream().filter(p -> p.getName().equals("metric")).forEach(p -> byId.put(part(p, "id"), p));
        return byId;
    }

    private static String part(Parameters.ParametersParameterComponent p, String name) {
        return p.getPart().stream()
                .filter(x -> x.getName().equals(name))
                .findFirst()
                .map(x -> x.getValue().primitiveValue())
                .orElse(null);
    }

    private static int integer(Parameters out, String name) {
        return Integer.parseInt(out.getParameter(name).getValue().primitiveValue());
    }

    private static boolean bool(Parameters out, String name) {
        return Boolean.parseBoolean(out.getParameter(name).getValue().primitiveValue());
    }
}
