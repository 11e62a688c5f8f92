package org.govpaas.apps.kit.signin;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The app's OIDC clients, one per realm, as the platform hands them over
 * ({@code GOVPAAS_OIDC_CITIZENS_*} and {@code GOVPAAS_OIDC_STAFF_*} bind here). A realm without
 * a client id is not signed in from.
 */
@ConfigurationProperties("govpaas.oidc")
public record SignInProperties(Realm citizens, Realm staff) {

    /**
     * @param keycloakUrl how this app reaches Keycloak (token, keys)
     * @param publicUrl   how browsers reach Keycloak; the tokens' issuer base (defaults to keycloakUrl)
     */
    public record Realm(String realm, String clientId, String clientSecret, URI keycloakUrl, URI publicUrl) {

        boolean configured() {
            return clientId != null && !clientId.isBlank() && realm != null && !realm.isBlank() && keycloakUrl != null;
        }
    }

    boolean citizensConfigured() {
        return citizens != null && citizens.configured();
    }

    boolean staffConfigured() {
        return staff != null && staff.configured();
    }
}
