package org.govpaas.apps.permits;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * 行政许可网上申请: online applications for one administrative approval. The permit type, its
 * form and its attachment rules are deploy parameters ({@code GOVPAAS_PARAM_*}, see
 * {@link org.govpaas.apps.permits.form.PermitSettings}); citizens apply under {@code /my/**}, the
 * owning department's staff review under {@code /staff/**} (both enforced by the app kit).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class PermitsApplication {

    public static void main(String[] args) {
        SpringApplication.run(PermitsApplication.class, args);
    }
}
