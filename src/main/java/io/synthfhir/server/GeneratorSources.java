package io.synthfhir.server;

import io.synthfhir.engine.RulesGenerator;
import io.synthfhir.generate.GeneratorMode;
import io.synthfhir.generate.PatientGenerator;
import io.synthfhir.hybrid.HybridGenerator;
import io.synthfhir.validity.CheckedGenerator;
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

    /**
     * {@code mode=gan}: the registry's active model, its output through the validity checker. Asked at every request,
     * so a newly activated model answers the next one.
     */
    @Bean
    GeneratorRegistry.GeneratorSource ganSource(ModelRegistry models, ValidityChecker checker) {
        return new ModelBacked(
                GeneratorMode.GAN,
                models,
                active -> new CheckedGenerator(active.model().generator(), checker));
    }

    /**
     * {@code mode=hybrid}: the rule engine's scaffold filled by the active model, the checker having the last word.
     */
    @Bean
    GeneratorRegistry.GeneratorSource hybridSource(
            ModelRegistry models, RulesGenerator rules, ValidityChecker checker) {
        return new ModelBacked(
                GeneratorMode.HYBRID,
                models,
                active -> new HybridGenerator(rules, active.model().generator(), checker));
    }

    /** Builds (once per model) the generator a mode serves with the active model. */
    static final class ModelBacked implements GeneratorRegistry.GeneratorSource {
        private final GeneratorMode mode;
        private final ModelRegistry models;
        private final java.util.function.Function<ModelRegistry.Active, PatientGenerator> build;
        private volatile String builtFor;
        private volatile PatientGenerator built;

        ModelBacked(
                GeneratorMode mode,
                ModelRegistry models,
                java.util.function.Function<ModelRegistry.Active, PatientGenerator> build) {
            this.mode = mode;
            this.models = models;
            this.build = build;
        }

        @Override
        public GeneratorMode mode() {
            return mode;
        }

        @Override
        public synchronized PatientGenerator current() {
            ModelRegistry.Active active = models.active().orElse(null);
            if (active == null) {
                return null;
            }
            if (!active.source().equals(builtFor)) {
                built = build.apply(active);
                builtFor = active.source();
            }
            return built;
        }
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
