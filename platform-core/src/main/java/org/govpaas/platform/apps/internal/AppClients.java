package org.govpaas.platform.apps.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.govpaas.catalog.SignIn;
import org.govpaas.identity.adapter.IdentityProperties;
import org.govpaas.identity.provisioning.KeycloakProvisioning;
import org.govpaas.identity.provisioning.ProvisioningProperties;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.system.PublicUrls;
import org.govpaas.platform.system.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Each app gets its own confidential OIDC client in every realm its template signs users in
 * from, named {@code app.<department>.<app>}, redirects limited to the app's own route. The app
 * receives the client through environment variables; the secret never appears in a log or page.
 */
@Component
class AppClients {

    private final KeycloakProvisioning keycloak;
    private final ProvisioningProperties realms;
    private final IdentityProperties identity;
    private final PublicUrls publicUrls;

    AppClients(KeycloakProvisioning keycloak, ProvisioningProperties realms, IdentityProperties identity,
               PublicUrls publicUrls) {
        this.keycloak = keycloak;
        this.realms = realms;
        this.identity = identity;
        this.publicUrls = publicUrls;
    }

    /**
     * {@code app.<department>.<app>}: dots never occur in DNS labels, so two departments' apps
     * can never map to one client (with hyphens, {@code city}/{@code management-portal} and
     * {@code city-management}/{@code portal} would).
     */
    static String clientId(App app) {
        return "app." + app.departmentCode() + "." + app.name();
    }

    /**
     * Ensures the clients the template needs and returns the environment describing them. After
     * a change (generation above 1) it also removes the client of a realm the version no longer
     * signs in from: an upgrade from staff and citizens to citizens only must not leave a staff
     * client that still works. A first deploy has no such client (a name's clients go with its
     * previous app), so it makes no call for them.
     */
    Map<String, String> ensure(App app, SignIn signIn) {
        Map<String, String> env = new LinkedHashMap<>();
        String appUrl = publicUrls.base() + app.routePath();
        env.put("GOVPAAS_PUBLIC_URL", appUrl);
        boolean changed = app.generation() > 1;
        // One realm's client is made (or removed) while the other's is.
        CompletableFuture<Map<String, String>> citizens = signIn.citizens()
                ? SideBySide.start(() -> client("CITIZENS", realms.citizenRealm(), app, appUrl))
                : changed ? SideBySide.start(() -> removed(realms.citizenRealm(), app))
                : CompletableFuture.completedFuture(Map.of());
        if (signIn.staff()) {
            env.putAll(client("STAFF", realms.staffRealm(), app, appUrl));
        } else if (changed) {
            removed(realms.staffRealm(), app);
        }
        env.putAll(SideBySide.join(citizens));
        return env;
    }

    private Map<String, String> removed(String realm, App app) {
        keycloak.removeAppClient(realm, clientId(app));
        return Map.of();
    }

    /**
     * The variables of {@link #ensure} for a preparation's training run, naming a client that
     * does not exist: an app reads them at start, and a training signs nobody in.
     */
    Map<String, String> placeholders(SignIn signIn, String routePath) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GOVPAAS_PUBLIC_URL", publicUrls.base() + routePath);
        String clientId = "app." + AppSpecs.PREPARATION;
        if (signIn.citizens()) {
            env.putAll(environment("CITIZENS", realms.citizenRealm(), clientId, SecretBox.randomSecret(24)));
        }
        if (signIn.staff()) {
            env.putAll(environment("STAFF", realms.staffRealm(), clientId, SecretBox.randomSecret(24)));
        }
        return env;
    }

    void remove(App app) {
        keycloak.removeAppClient(realms.citizenRealm(), clientId(app));
        keycloak.removeAppClient(realms.staffRealm(), clientId(app));
    }

    private Map<String, String> client(String prefix, String realm, App app, String appUrl) {
        return environment(prefix, realm, clientId(app), keycloak.ensureAppClient(realm, clientId(app), appUrl));
    }

    private Map<String, String> environment(String prefix, String realm, String clientId, String secret) {
        return Map.of(
                "GOVPAAS_OIDC_" + prefix + "_REALM", realm,
                "GOVPAAS_OIDC_" + prefix + "_CLIENT_ID", clientId,
                "GOVPAAS_OIDC_" + prefix + "_CLIENT_SECRET", secret,
                "GOVPAAS_OIDC_" + prefix + "_KEYCLOAK_URL", identity.keycloakUrl().toString(),
                "GOVPAAS_OIDC_" + prefix + "_PUBLIC_URL", identity.browserUrl().toString());
    }
}
