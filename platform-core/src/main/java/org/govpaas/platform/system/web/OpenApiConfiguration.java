package org.govpaas.platform.system.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.IdentityProperties;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published API contract: base {@code /api/v1}, bearer tokens from the govpaas-staff realm.
 * The API docs page can get one itself: its Authorize button signs the developer in through
 * Keycloak (client {@code govpaas-cli}, authorization code with PKCE, in a pop-up), or takes a
 * token pasted in.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    static {
        // Handlers take the Caller made from the bearer token; it is no parameter a client sends.
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    @Bean
    OpenAPI govpaasOpenApi(IdentityProperties identity) {
        String endpoints = identity.issuer() + "/protocol/openid-connect";
        return new OpenAPI()
                .info(new Info().title("GovPaaS API").version("v1")
                        .description("Departments, apps and chargeback of the GovPaaS platform. Send "
                                + "`Authorization: Bearer <token>` from realm govpaas-staff (client govpaas-cli), "
                                + "audience govpaas-api: sign in with Authorize, or paste a token. "
                                + "Errors are RFC 9457 problem details."))
                .components(new Components()
                        .addSecuritySchemes("keycloak", new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("Sign in with your staff account")
                                .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                        .authorizationUrl(endpoints + "/auth")
                                        .tokenUrl(endpoints + "/token")
                                        .scopes(new Scopes()))))
                        .addSecuritySchemes("bearer",
                                new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")))
                // Either one: a token from the sign-in, or one pasted in.
                .addSecurityItem(new SecurityRequirement().addList("keycloak"))
                .addSecurityItem(new SecurityRequirement().addList("bearer"));
    }
}
