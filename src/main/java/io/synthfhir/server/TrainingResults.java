package io.synthfhir.server;

import java.util.Date;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;

/** A finished training job as the FHIR Parameters its status URL answers (documented in docs/operations.md). */
final class TrainingResults {
    private TrainingResults() {}

    static Parameters toParameters(TrainingJobs.Status status) {
        TrainingOutcome o = status.outcome();
        Parameters p = new Parameters();
        p.addParameter().setName("jobId").setValue(new StringType(status.id()));
        p.addParameter().setName("model").setValue(new StringType(o.modelId()));
        p.addParameter().setName("activated").setValue(new BooleanType(o.activated()));
        o.gateReasons().forEach(r -> p.addParameter().setName("gateReason").setValue(new StringType(r)));
        p.addParameter().setName("trainingPatients").setValue(new IntegerType(o.trainingPatients()));
        p.addParameter().setName("heldOutPatients").setValue(new IntegerType(o.heldOutPatients()));
        if (o.epsilon() != null) {
            p.addParameter().setName("epsilon").setValue(new DecimalType(o.epsilon()));
            p.addParameter().setName("delta").setValue(new DecimalType(o.delta()));
        }
        p.addParameter().setName("seconds").setValue(new DecimalType(Math.round(o.seconds() * 10) / 10.0));
        if (status.started() != null) {
            p.addParameter().setName("started").setValue(new DateTimeType(Date.from(status.started())));
        }
        if (status.ended() != null) {
            p.addParameter().setName("ended").setValue(new DateTimeType(Date.from(status.ended())));
        }
        figures(p, "metric", o.metrics());
        figures(p, "privacy", o.gateFigures());
        return p;
    }

    private static void figures(Parameters p, String name, Map<String, Double> values) {
        new TreeMap<>(values).forEach((id, value) -> {
            Parameters.ParametersParameterComponent part = p.addParameter().setName(name);
            part.addPart().setName("id").setValue(new StringType(id));
            part.addPart().setName("value").setValue(new DecimalType(value));
        });
    }
}
