package org.govpaas.identity.adapter;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Keycloak wiring shared by the control plane and every gov-app.
 *
 * <p>Nothing here talks to Keycloak at start-up: endpoints are derived from the realm URL and
 * the signing keys are fetched on first use. An application therefore starts, and shows a clear
 * "sign-in unavailable" answer, while Keycloak is down, and recovers by itself when it is back.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientAutoConfiguration",
        "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(IdentityProperties.class)
public class IdentityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    KeycloakAvailability keycloakAvailability(IdentityProperties properties) {
        return new KeycloakAvailability(properties);
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(LoginEnabled.class)
    static class LoginConfiguration {

        @Bean
        @ConditionalOnMissingBean
        ClientRegistrationRepository clientRegistrationRepository(IdentityProperties properties) {
            return new InMemoryClientRegistrationRepository(loginRegistration(properties));
        }

        /** Realm roles and department groups from the ID token become authorities. */
        @Bean
        @ConditionalOnMissingBean
        GrantedAuthoritiesMapper keycloakAuthoritiesMapper() {
            return authorities -> {
                Set<GrantedAuthority> mapped = new HashSet<>(authorities);
                for (GrantedAuthority authority : authorities) {
                    if (authority instanceof OidcUserAuthority oidc) {
                        Map<String, Object> claims = oidc.getIdToken().getClaims();
                        mapped.addAll(KeycloakClaims.toAuthorities(KeycloakClaims.toCaller(claims)));
                    }
                }
                return mapped;
            };
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(ApiEnabled.class)
    static class ApiConfiguration {

        /** Lazy key fetch; issuer and audience are both checked on every token. */
        @Bean
        @ConditionalOnMissingBean
        JwtDecoder jwtDecoder(IdentityProperties properties) {
            NimbusJwtDecoder decoder = NimbusJwtDecoder
                    .withJwkSetUri(properties.backChannelRealmUrl() + "/protocol/openid-connect/certs")
                    .build();
            String audience = properties.api().audience();
            JwtClaimValidator<Collection<String>> audienceValidator = new JwtClaimValidator<>(
                    "aud", aud -> aud != null && aud.contains(audience));
            decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
                    JwtValidators.createDefaultWithIssuer(properties.issuer()), audienceValidator));
            return decoder;
        }

        @Bean
        @ConditionalOnMissingBean
        JwtAuthenticationConverter jwtAuthenticationConverter() {
            JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
            converter.setPrincipalClaimName("preferred_username");
            converter.setJwtGrantedAuthoritiesConverter(
                    jwt -> KeycloakClaims.toAuthorities(KeycloakClaims.toCaller(jwt.getClaims())));
            return converter;
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    @ConditionalOnClass(WebMvcConfigurer.class)
    static class CallerArgumentConfiguration implements WebMvcConfigurer {
        @Override
        public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
            resolvers.add(new CallerArgumentResolver());
        }
    }

    /** The OIDC code-flow registration for one realm: browser endpoints on the public URL, the rest back-channel. */
    public static ClientRegistration loginRegistration(IdentityProperties properties) {
        String browserRealm = properties.issuer();
        String backChannel = properties.backChannelRealmUrl() + "/protocol/openid-connect";
        IdentityProperties.Login login = properties.login();
        return ClientRegistration.withRegistrationId(login.registrationId())
                .clientId(login.clientId())
                .clientSecret(login.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                .scope("openid", "profile", "email")
                .authorizationUri(browserRealm + "/protocol/openid-connect/auth")
                .tokenUri(backChannel + "/token")
                .jwkSetUri(backChannel + "/certs")
                .userInfoUri(backChannel + "/userinfo")
                .userNameAttributeName("preferred_username")
                .issuerUri(browserRealm)
                .providerConfigurationMetadata(Map.of(
                        "end_session_endpoint", browserRealm + "/protocol/openid-connect/logout"))
                .clientName("Keycloak " + properties.realm())
                .build();
    }

    static final class LoginEnabled extends PropertyPresent {
        LoginEnabled() {
            super("govpaas.identity.login.client-id");
        }
    }

    static final class ApiEnabled extends PropertyPresent {
        ApiEnabled() {
            super("govpaas.identity.api.audience");
        }
    }
}
