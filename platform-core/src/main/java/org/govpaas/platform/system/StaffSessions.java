package org.govpaas.platform.system;

import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * The console sessions of each staff member. A session holds the roles of its sign-in (the ID
 * token's groups) and keeps them until it ends, which a console page that follows an app's state
 * never lets happen: so whoever loses a role in a department loses their sessions with it, and
 * their next request signs them in again with the roles they have now. The registry is Spring
 * Security's own (the browser chain registers every session in it, see SecurityConfiguration).
 */
public class StaffSessions extends SessionRegistryImpl {

    /** Ends every console session of {@code username}; its next request has to sign in again. */
    public void endSessionsOf(String username) {
        for (Object principal : getAllPrincipals()) {
            // The caller's username is the ID token's preferred_username (KeycloakClaims).
            if (principal instanceof OidcUser user && username.equals(user.getPreferredUsername())) {
                getAllSessions(principal, false).forEach(SessionInformation::expireNow);
            }
        }
    }
}
