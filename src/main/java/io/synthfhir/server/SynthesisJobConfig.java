package io.synthfhir.server;

import ca.uhn.fhir.batch2.api.IJobDataSink;
import ca.uhn.fhir.batch2.api.IJobStepWorker;
import ca.uhn.fhir.batch2.api.JobExecutionFailedException;
import ca.uhn.fhir.batch2.api.RunOutcome;
import ca.uhn.fhir.batch2.api.StepExecutionDetails;
import ca.uhn.fhir.batch2.api.VoidModel;
import ca.uhn.fhir.batch2.model.JobDefinition;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.generate.RunTag;
import io.synthfhir.model.PatientRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Batch2 job behind {@code Prefer: respond-async} synthesis. Job and chunk state live in the database, so a job
 * survives a restart and its chunks can run on any node sharing that database (with a shared data folder and
 * broker). Step one splits the cohort into index ranges; step two generates each range and writes its ndjson files
 * (or, with persist=true, stores it as one transaction per range).
 */
@Configuration
class SynthesisJobConfig {

    static final String JOB_ID = "synthfhir-synthesize";

    @Bean
    JobDefinition<SynthesisJobParameters> synthesisJobDefinition(
            GeneratorRegistry generators,
            CohortRunner runner,
            BundleAssembler assembler,
            SynthesisPersister persister,
            SynthFhirProperties properties) {
        return JobDefinition.newBuilder()
                .setJobDefinitionId(JOB_ID)
                .setJobDescription("Generate a synthetic cohort into ndjson files or into this server")
                .setJobDefinitionVersion(1)
                .setParametersType(SynthesisJobParameters.class)
                .addFirstStep("plan", "Split the cohort into index ranges", IndexRange.class, new PlanStep())
                .addLastStep(
                        "generate",
                        "Generate, map and write one index range",
                        new GenerateStep(generators, runner, assembler, persister, properties))
                .build();
    }

    static final class PlanStep implements IJobStepWorker<SynthesisJobParameters, VoidModel, IndexRange> {
        @Override
        public RunOutcome run(
                StepExecutionDetails<SynthesisJobParameters, VoidModel> details, IJobDataSink<IndexRange> sink) {
            SynthesisJobParameters p = details.getParameters();
            for (long from = 0; from < p.count; from += p.chunkSize) {
                sink.accept(new IndexRange(from, Math.min(p.count, from + p.chunkSize)));
            }
            return new RunOutcome(0);
        }
    }

    static final class GenerateStep implements IJobStepWorker<SynthesisJobParameters, IndexRange, VoidModel> {
        private final GeneratorRegistry generators;
        private final CohortRunner runner;
        private final BundleAssembler assembler;
        private final SynthesisPersister persister;
        private final SynthFhirProperties properties;

        GenerateStep(
                GeneratorRegistry generators,
                CohortRunner runner,
                BundleAssembler assembler,
                SynthesisPersister persister,
                SynthFhirProperties properties) {
            this.generators = generators;
            this.runner = runner;
            this.assembler = assembler;
            this.persister = persister;
            this.properties = properties;
        }

        @Override
        public RunOutcome run(
                StepExecutionDetails<SynthesisJobParameters, IndexRange> details, IJobDataSink<VoidModel> sink) {
            SynthesisRequest request = details.getParameters().toRequest();
            IndexRange range = details.getData();
            PatientGenerator generator = generators.forMode(request.mode());
            RunTag tag = RunTag.of(generator, request.cohort().seed());
            List<PatientRecord> records = runner.generate(generator, request.cohort(), range.from, range.to);
            if (request.persist()) {
                persister.persist(assembler.transaction(records, request, tag));
            } else {
                Path folder =
                        SynthesisJobs.folder(properties, details.getInstance().getInstanceId());
                try {
                    assembler.writeNdjson(records, request, tag, folder, String.format("%09d", range.from));
                } catch (IOException e) {
                    throw new JobExecutionFailedException(
                            "Could not write ndjson to " + folder + ": " + e.getMessage(), e);
                }
            }
            return new RunOutcome(records.size());
        }
    }
}
