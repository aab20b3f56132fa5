package io.synthfhir.validity;

import java.io.InputStream;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;

/**
 * UCUM unit validation with the UCUM essence definitions (org.fhir:ucum, the library HAPI uses). The service is not
 * documented as thread-safe, so calls are serialised; answers are cached because generated records reuse a few
 * dozen units.
 */
final class UcumUnits {
    private final UcumEssenceService service;
    private final Map<String, String> answers = new ConcurrentHashMap<>();

    private UcumUnits(UcumEssenceService service) {
        this.service = service;
    }

    static UcumUnits load() {
        try (InputStream in = UcumEssenceService.class.getResourceAsStream("/ucum-essence.xml")) {
            if (in == null) {
                throw new IllegalStateException("ucum-essence.xml is missing from org.fhir:ucum on the classpath");
            }
            return new UcumUnits(new UcumEssenceService(in));
        } catch (UcumException | java.io.IOException e) {
            throw new IllegalStateException("UCUM definitions could not be read", e);
        }
    }

    /** Why {@code unit} is not a valid UCUM expression, or the empty string when it is. */
    String problem(String unit) {
        return answers.computeIfAbsent(unit, u -> {
            synchronized (service) {
                String error = service.validate(u);
                return error == null ? "" : error;
            }
        });
    }
}
