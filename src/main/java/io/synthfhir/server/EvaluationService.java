package io.synthfhir.server;

import io.synthfhir.eval.CodeSystemCheck;
import io.synthfhir.eval.CohortSplit;
import io.synthfhir.eval.EvaluationInput;
import io.synthfhir.eval.EvaluationReport;
import io.synthfhir.eval.Evaluator;
import io.synthfhir.fhir.extract.Extraction;
import io.synthfhir.fhir.extract.ExtractionReport;
import io.synthfhir.generate.CohortSpec;
import io.synthfhir.generate.InvalidParameterException;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.generate.RunTag;
import io.synthfhir.model.PatientRecord;
import io.synthfhir.validity.ValidityChecker;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * What {@code $evaluate} does: read the server's real records (optionally split into training and held-out with
 * {@link CohortSplit}), get a synthetic cohort (generated now, or stored in the server), check the two can be
 * compared, and measure one against the other with the {@link Evaluator}. Every problem a caller can fix is an
 * OperationOutcome: 400 naming the parameter, 422 when the data cannot answer (no real records, a split that leaves
 * a side empty, code systems that do not meet). A caller without the evaluate permission never gets here: the
 * {@link AccessInterceptor} refused it first.
 */
@Service
class EvaluationService {

    /** The evaluated report with what it was computed from, for the answer. */
    record Outcome(EvaluationReport report, String syntheticSource, ExtractionReport realExtraction) {}

    private final SynthFhirProperties properties;
    private final EvaluationParameters parameters;
    private final GeneratorRegistry generators;
    private final CohortRunner runner;
    private final ServerCohortReader reader;
    private final Clock clock;
    private final Evaluator evaluator = new Evaluator();
    private final ValidityChecker validity;

    EvaluationService(
            SynthFhirProperties properties,
            GeneratorRegistry generators,
            CohortRunner runner,
            ServerCohortReader reader,
            Clock clock,
            ValidityChecker validity) {
        this.properties = properties;
        this.parameters = new EvaluationParameters(properties);
        this.generators = generators;
        this.runner = runner;
        this.reader = reader;
        this.clock = clock;
        this.validity = validity;
    }

    Outcome evaluate(EvaluationParameters.Raw raw) {
        EvaluationRequest parsed;
        PatientGenerator generator = null;
        try {
            LocalDate today = properties.referenceDate() != null ? properties.referenceDate() : LocalDate.now(clock);
            parsed = parameters.parse(raw, today);
            if (parsed.synthetic() == EvaluationRequest.SyntheticSource.GENERATE) {
                generator = generators.forMode(parsed.mode());
                generator.check(parsed.cohort());
            }
        } catch (InvalidParameterException e) {
            throw OperationOutcomes.invalid(e);
        }
        return evaluate(parsed, generator);
    }

    Outcome evaluate(EvaluationRequest request, PatientGenerator generator) {
        Extraction realRead = reader.read(ServerCohortReader.Selection.real().limitedTo(request.maxPatients()));
        List<PatientRecord> real = realRead.records();
        if (real.isEmpty()) {
            throw OperationOutcomes.unprocessable(
                    "real",
                    "This server holds no real patient records to compare with: every Patient is tagged "
                            + RunTag.SYSTEM + "|" + RunTag.SYNTHETIC_CODE + " or none is stored"
                            + skippedNote(realRead.report())
                            + ". Load real records first (e.g. POST transaction Bundles).");
        }
        List<PatientRecord> reference = real;
        List<PatientRecord> training = null;
        if (request.split() != null) {
            CohortSplit.Parts parts = request.split().apply(real);
            if (parts.training().isEmpty() || parts.heldOut().isEmpty()) {
                throw OperationOutcomes.unprocessable(
                        "heldOutShare",
                        "heldOutShare=" + request.split().heldOutShare() + " with splitSalt="
                                + request.split().salt() + " puts "
                                + parts.heldOut().size() + " of the " + real.size()
                                + " real patients in the held-out part and "
                                + parts.training().size()
                                + " in the training part: both parts need at least one patient (choose another"
                                + " share or salt, or load more real records)");
            }
            reference = parts.heldOut();
            training = parts.training();
        }
        List<PatientRecord> synthetic;
        String source;
        if (request.synthetic() == EvaluationRequest.SyntheticSource.STORED) {
            synthetic = reader.read(ServerCohortReader.Selection.synthetic(request.run())
                            .limitedTo(request.maxPatients()))
                    .records();
            source = "stored" + (request.run() == null ? "" : ": run " + request.run());
            if (synthetic.isEmpty()) {
                throw OperationOutcomes.unprocessable(
                        request.run() == null ? "synthetic" : "run",
                        request.run() == null
                                ? "This server holds no synthetic records (synthetic=stored): generate some with"
                                        + " $synthesize persist=true, or use synthetic=generate"
                                : "This server holds no synthetic records of run '" + request.run() + "'");
            }
        } else {
            int count = request.count() != null ? request.count() : Math.min(reference.size(), properties.syncLimit());
            CohortSpec spec = request.cohort();
            synthetic = runner.generate(generator, spec, 0, count);
            source = "generated: " + RunTag.of(generator, spec.seed()).code() + ", " + count + " patients";
        }
        List<String> mismatches = CodeSystemCheck.mismatches(reference, synthetic);
        if (!mismatches.isEmpty()) {
            throw OperationOutcomes.unprocessable(
                    "synthetic", "The real and synthetic records cannot be compared: " + String.join("; ", mismatches));
        }
        EvaluationReport report = evaluator.evaluate(
                EvaluationInput.of(reference, synthetic, training, request.seed())
                        .withValidity(validity.asInvariantCheck()),
                request.thresholds());
        return new Outcome(report, source, realRead.report());
    }

    private static String skippedNote(ExtractionReport report) {
        return report.totalSkipped() == 0
                ? ""
                : " (" + report.totalSkipped() + " stored resources could not be read into records: "
                        + String.join("; ", report.skipped().keySet()) + ")";
    }
}
