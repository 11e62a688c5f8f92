package org.govpaas.apps.kit.signin;

import java.util.Optional;
import org.govpaas.identity.adapter.KeycloakClaims;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The person behind a request, as proven by Keycloak. Own rows by {@link #subject()} (the
 * realm's stable user id), never by username or e-mail, which a person can change.
 *
 * @param kind        which realm they signed in through
 * @param subject     the token's {@code sub}
 * @param username    {@code preferred_username}
 * @param displayName a name to show in the order its script writes names (falls back to the username)
 * @param email       may be null
 */
public record SignedInUser(Kind kind, String subject, String username, String displayName, String email) {

    public enum Kind {
        /** Signed in through the citizens realm: the front office. */
        CITIZEN,
        /** Signed in through the staff realm: the back office (when of the app's department). */
        STAFF
    }

    public boolean isCitizen() {
        return kind == Kind.CITIZEN;
    }

    public boolean isStaff() {
        return kind == Kind.STAFF;
    }

    /** The person of a browser session the kit signed in; empty for anonymous requests. */
    public static Optional<SignedInUser> from(Authentication authentication) {
        if (authentication == null || !(authentication.getPrincipal() instanceof OidcUser oidc)) {
            return Optional.empty();
        }
        boolean staff = authentication.getAuthorities().stream()
                .anyMatch(a -> KitSignInConfiguration.STAFF_REALM_AUTHORITY.equals(a.getAuthority()));
        String username = oidc.getPreferredUsername() != null ? oidc.getPreferredUsername() : oidc.getSubject();
        // The console's rule too, so a person's name reads the same everywhere: 张市民, not "市民 张".
        String name = KeycloakClaims.displayName(oidc.getGivenName(), oidc.getFamilyName(), oidc.getFullName(),
                username);
        return Optional.of(new SignedInUser(staff ? Kind.STAFF : Kind.CITIZEN, oidc.getSubject(), username, name,
                oidc.getEmail()));
    }
}
