package org.govpaas.identity.adapter;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns the current authentication (an OIDC console session or a bearer token) into a
 * {@link Caller}. Anything else, including anonymous access, yields no caller.
 */
public final class CallerResolver {

    private CallerResolver() {
    }

    public static Optional<Caller> current() {
        return from(SecurityContextHolder.getContext().getAuthentication());
    }

    public static Optional<Caller> from(Authentication authentication) {
        if (authentication == null || !authentication.isAuthenticated()) {
            return Optional.empty();
        }
        if (authentication instanceof JwtAuthenticationToken jwt) {
            return Optional.of(KeycloakClaims.toCaller(jwt.getToken().getClaims()));
        }
        if (authentication.getPrincipal() instanceof OidcUser user) {
            return Optional.of(KeycloakClaims.toCaller(user.getClaims()));
        }
        return Optional.empty();
    }
}
