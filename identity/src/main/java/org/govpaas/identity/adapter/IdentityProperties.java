package org.govpaas.identity.adapter;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where Keycloak is and which realm and clients this application uses.
 *
 * @param keycloakUrl how this server reaches Keycloak (token, keys, user info)
 * @param publicUrl   how browsers reach Keycloak; also the token issuer's base. Defaults to
 *                    {@code keycloakUrl}, differs behind an ingress or in a cluster
 * @param realm       the realm users of this application sign in to
 * @param login       the confidential OIDC client for browser sign-in (absent: no browser login)
 * @param api         bearer-token settings (absent audience: no resource server)
 * @param probeTimeout how long an availability probe of Keycloak may take
 */
@ConfigurationProperties("govpaas.identity")
public record IdentityProperties(
        @DefaultValue("http://localhost:8180") URI keycloakUrl,
        URI publicUrl,
        @DefaultValue("govpaas-staff") String realm,
        @DefaultValue Login login,
        @DefaultValue Api api,
        @DefaultValue("2s") Duration probeTimeout) {

    /** Present when {@code client-id} is set (see {@code IdentityAutoConfiguration.LoginEnabled}). */
    public record Login(String clientId, String clientSecret,
                        @DefaultValue("keycloak") String registrationId) {
    }

    /** Present when {@code audience} is set (see {@code IdentityAutoConfiguration.ApiEnabled}). */
    public record Api(String audience) {
    }

    public URI browserUrl() {
        return publicUrl != null ? publicUrl : keycloakUrl;
    }

    /** The {@code iss} every token of the realm carries. */
    public String issuer() {
        return strip(browserUrl()) + "/realms/" + realm;
    }

    /** Base of the realm's OIDC endpoints as this server calls them. */
    public String backChannelRealmUrl() {
        return strip(keycloakUrl) + "/realms/" + realm;
    }

    private static String strip(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
