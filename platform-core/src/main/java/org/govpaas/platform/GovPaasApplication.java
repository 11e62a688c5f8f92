package org.govpaas.platform;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/** The GovPaaS control plane: console, REST API and citizen portal in one process. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(sharedModules = "system")
public class GovPaasApplication {

    public static void main(String[] args) {
        SpringApplication.run(GovPaasApplication.class, args);
    }
}
