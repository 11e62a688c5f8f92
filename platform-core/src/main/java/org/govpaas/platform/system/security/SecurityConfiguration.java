package org.govpaas.platform.system.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.govpaas.identity.adapter.CallerResolver;
import org.govpaas.identity.adapter.IdentityProperties;
import org.govpaas.identity.adapter.KeycloakAvailability;
import org.govpaas.platform.system.StaffSessions;
import org.govpaas.platform.system.StaffSignedIn;
import org.govpaas.platform.system.StaffSignedOut;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.CrossOriginOpenerPolicyHeaderWriter.CrossOriginOpenerPolicy;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Deployed apps behind the gateway ({@code /apps/**}) keep their own security: the gateway answers
 * those paths before the platform's chains (only the firewall applies). Two chains: the API ({@code /api/**}) is a stateless JWT resource server, everything else is
 * the browser side (console behind OIDC login, public portal, docs, health). The caller's
 * department is never taken from the request: only from the validated token.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    static final String SIGN_IN_UNAVAILABLE = "/sign-in-unavailable";

    /**
     * The one firewall for every request: Spring Security's chains take it from here, and the
     * citizen gateway, which answers {@code /apps} before any chain runs, applies it too.
     */
    @Bean
    HttpFirewall httpFirewall() {
        return new StrictHttpFirewall();
    }

    @Bean
    StaffSessions staffSessions() {
        return new StaffSessions();
    }

    /** Tells the session registry of sessions that end, so it forgets them. */
    @Bean
    HttpSessionEventPublisher sessionEvents() {
        return new HttpSessionEventPublisher();
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, ApiAuthenticationErrors errors) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(a -> a.anyRequest().authenticated())
                // A bearer request must leave any console session it carries alone. Without
                // fixation "none", each API call made from a browser signed in to the console (the
                // API docs page, a script) changed that session's id, and two calls at once could
                // leave the browser holding an id that no longer exists: signed out.
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
                        .sessionFixation(f -> f.none()))
                // Bearer tokens are not sent by browsers on their own, so CSRF cannot apply here.
                .csrf(c -> c.disable())
                .oauth2ResourceServer(rs -> rs
                        .jwt(Customizer.withDefaults())
                        .authenticationEntryPoint(errors)
                        .accessDeniedHandler(errors)
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                // By default a key-fetch failure is rethrown and ends as a 500.
                                AuthenticationEntryPointFailureHandler failure =
                                        new AuthenticationEntryPointFailureHandler(errors);
                                failure.setRethrowAuthenticationServiceException(false);
                                filter.setAuthenticationFailureHandler(failure);
                                return filter;
                            }
                        }))
                .exceptionHandling(e -> e.authenticationEntryPoint(errors).accessDeniedHandler(errors))
                .headers(SecurityConfiguration::strictHeaders);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain browserChain(HttpSecurity http, ClientRegistrationRepository registrations,
                                     IdentityProperties identity, KeycloakAvailability keycloak,
                                     ApplicationEventPublisher events, StaffSessions sessions) throws Exception {
        DefaultOAuth2AuthorizationRequestResolver pkce = new DefaultOAuth2AuthorizationRequestResolver(
                registrations, "/oauth2/authorization");
        pkce.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());

        OidcClientInitiatedLogoutSuccessHandler keycloakLogout = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        keycloakLogout.setPostLogoutRedirectUri("{baseUrl}/console/signed-out");

        SavedRequestAwareAuthenticationSuccessHandler toSavedRequest = new SavedRequestAwareAuthenticationSuccessHandler();
        toSavedRequest.setDefaultTargetUrl("/console");

        http.authorizeHttpRequests(a -> a
                        .requestMatchers("/", "/portal/**", "/webjars/**", "/css/**", "/js/**", "/images/**",
                                "/favicon.ico", SIGN_IN_UNAVAILABLE, "/console/signed-out", "/error", "/error/**",
                                "/actuator/health", "/actuator/health/**", "/actuator/prometheus",
                                "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**")
                        .permitAll()
                        .anyRequest().authenticated())
                .oauth2Login(login -> login
                        .authorizationEndpoint(a -> a.authorizationRequestResolver(pkce))
                        .successHandler((request, response, authentication) -> {
                            CallerResolver.from(authentication).ifPresent(caller -> events.publishEvent(
                                    new StaffSignedIn(caller.username(), caller.departments().keySet())));
                            toSavedRequest.onAuthenticationSuccess(request, response, authentication);
                        })
                        .failureHandler((request, response, exception) -> {
                            if (unreachable(exception)) {
                                // Keycloak went away between the redirect and the code exchange.
                                keycloak.markUnavailable();
                                response.sendRedirect(request.getContextPath() + SIGN_IN_UNAVAILABLE);
                            } else {
                                // A stale, replayed or forged callback: simply start a new sign-in.
                                response.sendRedirect(request.getContextPath() + "/oauth2/authorization/"
                                        + identity.login().registrationId());
                            }
                        }))
                .oidcLogout(logout -> logout.backChannel(Customizer.withDefaults()))
                // Every session is registered, unlimited in number, so that one can be ended when
                // its staff member loses a role (StaffSessions); an ended one signs in again.
                .sessionManagement(s -> s.maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/console"))
                // Apps are served on this origin, so a script in an app page could fetch a console
                // page with the staff member's session and read it, CSRF token included. A console
                // request made by a script must therefore carry the token, which only the console's
                // own pages hold; navigations (links, forms, downloads) need none.
                .csrf(csrf -> csrf.requireCsrfProtectionMatcher(new OrRequestMatcher(
                        CsrfFilter.DEFAULT_CSRF_MATCHER, SecurityConfiguration::consoleRequestByScript)))
                .logout(logout -> logout
                        .addLogoutHandler((request, response, authentication) ->
                                CallerResolver.from(authentication).ifPresent(caller -> events.publishEvent(
                                        new StaffSignedOut(caller.username(), caller.departments().keySet()))))
                        .logoutSuccessHandler(keycloakLogout))
                .exceptionHandling(e -> e.authenticationEntryPoint((request, response, ex) -> {
                    if (keycloak.isAvailable()) {
                        response.sendRedirect(request.getContextPath() + "/oauth2/authorization/"
                                + identity.login().registrationId());
                    } else {
                        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
                        request.getRequestDispatcher(SIGN_IN_UNAVAILABLE).forward(request, response);
                    }
                }))
                .headers(headers -> {
                    strictHeaders(headers);
                    // Sign-out posts here and is redirected on to Keycloak: form-action must allow it.
                    headers.contentSecurityPolicy(csp -> csp.policyDirectives(
                            "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                                    + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; "
                                    + "form-action 'self' " + origin(identity.browserUrl().toString())));
                });
        return http.build();
    }

    private static void strictHeaders(
            org.springframework.security.config.annotation.web.configurers.HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                .frameOptions(f -> f.deny())
                // A window opened by an app page (apps share this origin) gets no handle on ours.
                .crossOriginOpenerPolicy(coop -> coop.policy(CrossOriginOpenerPolicy.SAME_ORIGIN))
                .contentTypeOptions(Customizer.withDefaults())
                .referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN));
    }

    /**
     * A request for a console resource that is not a navigation. Browsers say which it is in
     * {@code Sec-Fetch-Mode}, which no script can set; they send it over HTTPS and to localhost.
     */
    static boolean consoleRequestByScript(HttpServletRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        return mode != null && !mode.equals("navigate") && CONSOLE.matches(request);
    }

    // Matched on the decoded path, as the console's controllers are: on the raw one, a script's
    // fetch of /%63onsole/... reached the console without its token.
    private static final RequestMatcher CONSOLE = PathPatternRequestMatcher.withDefaults().matcher("/console/**");

    /** Only a failure to reach Keycloak may flag it as down; anybody can send a bad callback. */
    static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof java.io.IOException || t instanceof org.springframework.web.client.ResourceAccessException) {
                return true;
            }
        }
        return false;
    }

    private static String origin(String url) {
        java.net.URI uri = java.net.URI.create(url);
        return uri.getScheme() + "://" + uri.getAuthority();
    }
}
