package io.synthfhir.server;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.RunTag;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Parameters;
import org.springframework.stereotype.Component;

/**
 * {@code $purge-synthetic} (POST): deletes, in one call and one transaction ({@link SyntheticPurge}), every resource
 * this plugin generated (they all carry the synthetic tag), or only those of one run ({@code run} = the run's tag
 * code), and nothing else; {@code expunge=true} removes their history versions too. Access needs the purge
 * permission, checked before this runs by {@link AccessInterceptor}.
 */
@Component
class PurgeProvider {

    static final String OPERATION = "$purge-synthetic";

    /** A run's tag code as {@link RunTag#code()} writes it: {@code <mode>:<generator version>:seed=<seed>}. */
    static final Pattern RUN_CODE = Pattern.compile("("
            + Arrays.stream(GeneratorMode.values()).map(GeneratorMode::code).collect(Collectors.joining("|"))
            + "):[A-Za-z0-9._+-]{1,200}:seed=-?[0-9]{1,19}");

    private final SyntheticPurge purge;
    private final FhirContext context;

    PurgeProvider(SyntheticPurge purge, FhirContext context) {
        this.purge = purge;
        this.context = context;
    }

    @Operation(name = OPERATION, manualRequest = true)
    public Parameters purge(RequestDetails request) {
        OperationRequest params = OperationRequest.read(request, context, Set.of("run", "expunge"));
        SyntheticPurge.Result result = purge.purge(code(params.single("run")), expunge(params.single("expunge")));
        Parameters answer = new Parameters();
        result.deleted()
                .forEach((type, n) -> answer.addParameter().setName(type).setValue(new IntegerType(n)));
        answer.addParameter().setName("total").setValue(new IntegerType(result.total()));
        int kept = result.kept().values().stream().mapToInt(Integer::intValue).sum();
        answer.addParameter().setName("kept").setValue(new IntegerType(kept));
        answer.addParameter().setName("expunged").setValue(new BooleanType(result.expunged()));
        return answer;
    }

    /** The tag code to purge: one run's, or (no {@code run}) the one every synthetic resource carries. */
    static String code(String run) {
        if (run == null) {
            return RunTag.SYNTHETIC_CODE;
        }
        if (!RUN_CODE.matcher(run).matches()) {
            throw OperationOutcomes.invalid(
                    "run",
                    run,
                    "a run's tag code <mode>:<generator version>:seed=<seed> with mode " + GeneratorMode.allowed()
                            + ", as in the meta.tag (system " + RunTag.SYSTEM + ") of the run's resources;"
                            + " leave run out to purge every synthetic resource");
        }
        return run;
    }

    private static boolean expunge(String value) {
        if (value == null) {
            return false;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw OperationOutcomes.invalid("expunge", value, "true | false");
        };
    }
}
