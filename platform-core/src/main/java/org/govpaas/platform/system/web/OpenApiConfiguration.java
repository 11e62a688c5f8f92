package org.govpaas.platform.system.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.govpaas.identity.adapter.Caller;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The published API contract: base {@code /api/v1}, bearer tokens from the govpaas-staff realm. */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Handlers take the Caller made from the bearer token; it is no parameter a client sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI govpaasOpenApi() {
        return new OpenAPI()
                .info(new Info().title("GovPaaS API").version("v1")
                        .description("Departments, apps and chargeback of the GovPaaS platform. Send "
                                + "`Authorization: Bearer <token>` from realm govpaas-staff (client govpaas-cli), "
                                + "audience govpaas-api. Errors are RFC 9457 problem details."))
                .components(new Components().addSecuritySchemes("bearer",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
