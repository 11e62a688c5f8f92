package org.govpaas.apps.appointments;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;

import jakarta.servlet.http.Cookie;
import java.util.Arrays;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * People for MockMvc tests, with the authorities the app kit maps from Keycloak's tokens (the
 * mapping itself is exercised by the browser journey against the real Keycloak).
 */
public final class SignedIn {

    private SignedIn() {
    }

    public static RequestPostProcessor citizen(String subject, String name) {
        return oidcLogin().idToken(token -> token.subject(subject).claim("preferred_username", subject).claim("name", name))
                .authorities(new SimpleGrantedAuthority("ROLE_CITIZEN"));
    }

    /** Staff of the app's own department. */
    public static RequestPostProcessor staff(String subject, String name) {
        return oidcLogin().idToken(token -> token.subject(subject).claim("preferred_username", subject).claim("name", name))
                .authorities(new SimpleGrantedAuthority("REALM_STAFF"), new SimpleGrantedAuthority("ROLE_STAFF"));
    }

    /** The session (in the database, as in production) that carries a flash message to the next page. */
    public static Cookie sessionOf(MvcResult result) {
        return Arrays.stream(result.getResponse().getCookies()).filter(c -> c.getName().equals("SESSION")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie"));
    }

    /** Signed in through the staff realm, but a member of another department. */
    public static RequestPostProcessor staffOfAnotherDepartment(String subject) {
        return oidcLogin().idToken(token -> token.subject(subject).claim("preferred_username", subject))
                .authorities(new SimpleGrantedAuthority("REALM_STAFF"));
    }
}
