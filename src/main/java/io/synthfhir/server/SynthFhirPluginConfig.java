package io.synthfhir.server;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;

/**
 * The SynthFHIR plugin: every bean that adds synthetic-EHR operations to a HAPI FHIR JPA R4 server. A server loads it
 * by importing this class, or, with the hapi-fhir-jpaserver-starter, with
 * {@code hapi.fhir.custom-bean-packages: io.synthfhir.server}. It needs only what any HAPI JPA server has (the
 * RestfulServer, the DAO registry, the transaction processor, Batch2) and registers its own providers.
 * {@code synthfhir.enabled: false} switches the whole plugin off (the host is then plain HAPI; used by
 * {@code bench-server} to measure HAPI alone in the same run).
 */
@Configuration
@ConditionalOnProperty(prefix = "synthfhir", name = "enabled", havingValue = "true", matchIfMissing = true)
@ComponentScan(basePackageClasses = SynthFhirPluginConfig.class)
@EnableConfigurationProperties(SynthFhirProperties.class)
public class SynthFhirPluginConfig {

    /** The simulation's clock: "today" for a request without a configured reference date. Tests replace it. */
    @Bean
    @ConditionalOnMissingBean
    Clock synthFhirClock() {
        return Clock.systemUTC();
    }
}
