package org.govpaas.apps.kit.signin;

import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.DepartmentRole;
import org.govpaas.identity.adapter.IdentityAutoConfiguration;
import org.govpaas.identity.adapter.IdentityProperties;
import org.govpaas.identity.adapter.KeycloakClaims;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.authority.mapping.GrantedAuthoritiesMapper;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUserAuthority;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.DelegatingAuthenticationEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Sign-in and authorization of a citizen service, by URL convention so every service behaves
 * the same and none can forget a rule:
 * <ul>
 *   <li>{@code /staff/**}: the back office. Signed in through the staff realm and holding the
 *       {@code staff} or {@code department-admin} role in the app's own department
 *       ({@code GOVPAAS_DEPARTMENT}); the department comes from the token's groups only.</li>
 *   <li>{@code /my/**}: the citizen's own area. Signed in through the citizens realm.</li>
 *   <li>everything else is public.</li>
 * </ul>
 * Each realm has the app's own confidential client (code flow with PKCE); sign-out also ends the
 * Keycloak session of the realm the person signed in through.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration"})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(SignInProperties.class)
public class KitSignInConfiguration implements WebMvcConfigurer {

    public static final String CITIZENS = "citizens";
    public static final String STAFF = "staff";
    /** Held by citizens, whatever else: the front office's {@code /my/**}. */
    public static final String ROLE_CITIZEN = "ROLE_CITIZEN";
    /** Held by staff of the app's own department: the back office's {@code /staff/**}. */
    public static final String ROLE_STAFF = "ROLE_STAFF";
    /** Marks a person who signed in through the staff realm, of whichever department. */
    static final String STAFF_REALM_AUTHORITY = "REALM_STAFF";

    private static final Log log = LogFactory.getLog(KitSignInConfiguration.class);

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new SignedInUserArgumentResolver());
    }

    @Bean
    @ConditionalOnMissingBean
    ClientRegistrationRepository clientRegistrationRepository(SignInProperties properties) {
        List<ClientRegistration> registrations = new ArrayList<>();
        if (properties.citizensConfigured()) {
            registrations.add(registration(CITIZENS, properties.citizens()));
        }
        if (properties.staffConfigured()) {
            registrations.add(registration(STAFF, properties.staff()));
        }
        if (registrations.isEmpty()) {
            // Standalone without Keycloak: public pages work, /my and /staff answer 503.
            log.warn("No sign-in client configured (GOVPAAS_OIDC_CITIZENS_* / GOVPAAS_OIDC_STAFF_*): "
                    + "citizens and staff cannot sign in");
            return registrationId -> null;
        }
        return new InMemoryClientRegistrationRepository(registrations);
    }

    static ClientRegistration registration(String id, SignInProperties.Realm realm) {
        return IdentityAutoConfiguration.loginRegistration(new IdentityProperties(realm.keycloakUrl(),
                realm.publicUrl(), realm.realm(), new IdentityProperties.Login(realm.clientId(), realm.clientSecret(), id),
                new IdentityProperties.Api(null), java.time.Duration.ofSeconds(2)));
    }

    /**
     * Built on first use. Nothing in a service asks for one (no {@code @RegisteredOAuth2AuthorizedClient}
     * argument, no call to another service with a signed-in person's token; sign-in itself does not
     * use it), yet without a bean of its own Spring Security builds one at every start with an HTTP
     * client and JSON mapper for each grant type, some 60 ms of a start on these machines.
     */
    @Bean
    @ConditionalOnMissingBean
    OAuth2AuthorizedClientManager authorizedClientManager(ClientRegistrationRepository registrations,
                                                          OAuth2AuthorizedClientRepository authorizedClients) {
        SingletonSupplier<OAuth2AuthorizedClientManager> manager = SingletonSupplier.of(
                () -> new DefaultOAuth2AuthorizedClientManager(registrations, authorizedClients));
        return request -> manager.obtain().authorize(request);
    }

    /** Turns the realm and the department groups of the ID token into the two roles above. */
    @Bean
    @ConditionalOnMissingBean
    GrantedAuthoritiesMapper kitAuthoritiesMapper(SignInProperties properties,
                                                  @Value("${govpaas.department:}") String department) {
        String citizensIssuer = properties.citizensConfigured() ? registration(CITIZENS, properties.citizens())
                .getProviderDetails().getIssuerUri() : null;
        String staffIssuer = properties.staffConfigured() ? registration(STAFF, properties.staff())
                .getProviderDetails().getIssuerUri() : null;
        if (properties.staffConfigured() && department.isBlank()) {
            log.warn("govpaas.department (GOVPAAS_DEPARTMENT) is not set: no staff member can reach /staff/**");
        }
        return authorities -> {
            Set<GrantedAuthority> mapped = new HashSet<>(authorities);
            for (GrantedAuthority authority : authorities) {
                if (!(authority instanceof OidcUserAuthority oidc)) {
                    continue;
                }
                String issuer = String.valueOf(oidc.getIdToken().getIssuer());
                if (issuer.equals(citizensIssuer)) {
                    mapped.add(new SimpleGrantedAuthority(ROLE_CITIZEN));
                } else if (issuer.equals(staffIssuer)) {
                    mapped.add(new SimpleGrantedAuthority(STAFF_REALM_AUTHORITY));
                    Caller caller = KeycloakClaims.toCaller(oidc.getIdToken().getClaims());
                    if (!department.isBlank() && (caller.hasRole(department, DepartmentRole.STAFF)
                            || caller.hasRole(department, DepartmentRole.DEPARTMENT_ADMIN))) {
                        mapped.add(new SimpleGrantedAuthority(ROLE_STAFF));
                    }
                }
            }
            return mapped;
        };
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain kitSecurity(HttpSecurity http, ClientRegistrationRepository registrations,
                                    SignInProperties properties) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedLogoutSuccessHandler keycloakLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/");
        keycloakLogout.setDefaultTargetUrl("/");

        SavedRequestAwareAuthenticationSuccessHandler toSavedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
        toSavedRequest.setDefaultTargetUrl("/");

        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/staff", "/staff/**").hasAuthority(ROLE_STAFF)
                        .requestMatchers("/my", "/my/**").hasAuthority(ROLE_CITIZEN)
                        .anyRequest().permitAll())
                .oauth2Login(login -> login
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(pkce))
                        .successHandler(toSavedRequest)
                        .failureHandler((request, response, exception) -> {
                            // Keycloak unreachable, or a stale/replayed callback: say so, never loop.
                            log.info("Sign-in failed: " + exception.getMessage());
                            response.sendError(unreachable(exception) ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                                    : HttpServletResponse.SC_UNAUTHORIZED);
                        }))
                .logout(logout -> logout.logoutSuccessHandler(keycloakLogout))
                .exceptionHandling(e -> e.authenticationEntryPoint(entryPoint(registrations)))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                        + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                                        + "form-action 'self'" + keycloakOrigins(properties)))
                        .frameOptions(f -> f.deny())
                        .contentTypeOptions(Customizer.withDefaults())
                        .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN)));
        return http.build();
    }

    /** Back-office pages start the staff sign-in, everything else the citizens' one. */
    private static AuthenticationEntryPoint entryPoint(ClientRegistrationRepository registrations) {
        LinkedHashMap<org.springframework.security.web.util.matcher.RequestMatcher, AuthenticationEntryPoint> points =
                new LinkedHashMap<>();
        points.put(PathPatternRequestMatcher.withDefaults().matcher("/staff/**"), signIn(registrations, STAFF));
        points.put(PathPatternRequestMatcher.withDefaults().matcher("/staff"), signIn(registrations, STAFF));
        DelegatingAuthenticationEntryPoint delegating = new DelegatingAuthenticationEntryPoint(points);
        delegating.setDefaultEntryPoint(signIn(registrations, CITIZENS));
        return delegating;
    }

    private static AuthenticationEntryPoint signIn(ClientRegistrationRepository registrations, String registrationId) {
        LoginUrlAuthenticationEntryPoint redirect = new LoginUrlAuthenticationEntryPoint(
                "/oauth2/authorization/" + registrationId);
        return (request, response, exception) -> {
            if (registrations.findByRegistrationId(registrationId) == null) {
                response.sendError(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            } else {
                redirect.commence(request, response, exception);
            }
        };
    }

    /** Sign-out posts here and is redirected on to Keycloak: form-action must allow its origin. */
    private static String keycloakOrigins(SignInProperties properties) {
        Set<String> origins = new LinkedHashSet<>();
        for (SignInProperties.Realm realm : new SignInProperties.Realm[] {properties.citizens(), properties.staff()}) {
            if (realm != null && realm.configured()) {
                URI uri = realm.publicUrl() != null ? realm.publicUrl() : realm.keycloakUrl();
                origins.add(uri.getScheme() + "://" + uri.getAuthority());
            }
        }
        return origins.isEmpty() ? "" : " " + String.join(" ", origins);
    }

    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof org.springframework.web.client.ResourceAccessException) {
                return true;
            }
        }
        return false;
    }
}
