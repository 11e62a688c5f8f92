package org.govpaas.apps.hotline;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * The city hotline (12345 市民热线): citizens report an issue and follow their ticket, staff of
 * the owning department triage, assign and resolve it, and a public page shows anonymised
 * statistics. Configured by the platform's environment contract ({@code GOVPAAS_PARAM_*},
 * {@code SPRING_DATASOURCE_*}, sign-in clients); the shared app kit brings sign-in and layout.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HotlineApplication {

    /** Tests replace it to pin "now"; everything that stamps a time asks it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    public static void main(String[] args) {
        SpringApplication.run(HotlineApplication.class, args);
    }
}
