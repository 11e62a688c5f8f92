package org.govpaas.apps.permits;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;

/**
 * 行政许可网上申请: online applications for one administrative approval. The permit type, its
 * form and its attachment rules are deploy parameters ({@code GOVPAAS_PARAM_*}, see
 * {@link org.govpaas.apps.permits.form.PermitSettings}); citizens apply under {@code /my/**}, the
 * owning department's staff review under {@code /staff/**} (both enforced by the app kit).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PermitsApplication {

    /**
     * The city's clock: "today" (a period cannot start before it) and the times pages show are
     * the city's, not the server's, which on a cluster is usually UTC. Tests replace it.
     */
    @Bean
    Clock clock(@Value("${permits.time-zone:Asia/Shanghai}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    public static void main(String[] args) {
        SpringApplication.run(PermitsApplication.class, args);
    }
}
