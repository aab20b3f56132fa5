package io.synthfhir.server;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.validity.ValidityChecker;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The generators the plugin offers, one {@link GeneratorRegistry.GeneratorSource} per mode. */
@Configuration
class GeneratorSources {

    /** The rule engine: the bundled library plus the user's folder; a broken module stops start-up with every error. */
    @Bean
    RulesGenerator rulesGenerator(SynthFhirProperties properties) {
        return RulesGenerator.standard(properties.rulesFolder());
    }

    /** The clinical invariants: the hybrid's last word and the evaluation's validity figure. Thread-safe, shared. */
    @Bean
    ValidityChecker validityChecker() {
        return ValidityChecker.standard();
    }

    @Bean
    GeneratorRegistry.GeneratorSource rulesSource(RulesGenerator rules) {
        return fixed(rules);
    }

    static GeneratorRegistry.GeneratorSource fixed(PatientGenerator generator) {
        return new GeneratorRegistry.GeneratorSource() {
            @Override
            public GeneratorMode mode() {
                return generator.mode();
            }

            @Override
            public PatientGenerator current() {
                return generator;
            }
        };
    }
}
