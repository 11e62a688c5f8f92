package org.govpaas.apps.noticeboard;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * A department's public notice board: the sample citizen service that exercises the platform's
 * deploy, gateway and portal path. Configured entirely by the platform's environment contract:
 * {@code PORT}, {@code SERVER_ADDRESS}, {@code GOVPAAS_ROUTE_PATH} and {@code GOVPAAS_PARAM_*}.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class NoticeBoardApplication {

    public static void main(String[] args) {
        SpringApplication.run(NoticeBoardApplication.class, args);
    }
}
