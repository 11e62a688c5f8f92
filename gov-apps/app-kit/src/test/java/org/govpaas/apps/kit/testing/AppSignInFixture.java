package org.govpaas.apps.kit.testing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.govpaas.identity.provisioning.KeycloakProvisioning;
import org.govpaas.identity.provisioning.ProvisioningProperties;
import org.govpaas.identity.testing.KeycloakTestServer;

/**
 * A service's sign-in set up on the real test Keycloak by the platform's own provisioning code,
 * exactly as a deploy does it: one confidential client per realm named after the app, redirects
 * limited to the app's URL. Also creates the people a journey needs: citizens, and staff holding
 * a role in a department.
 */
public final class AppSignInFixture {

    public static final String PASSWORD = "test-password-1";
    /** The platform's service-account client of the test realms (the realm file's default secret). */
    private static final ProvisioningProperties PLATFORM = new ProvisioningProperties("govpaas-platform",
            "govpaas-local-platform-secret", KeycloakTestServer.STAFF_REALM, KeycloakTestServer.CITIZENS_REALM);

    private final KeycloakTestServer keycloak;
    private final String department;
    private final Map<String, String> properties = new LinkedHashMap<>();

    private AppSignInFixture(KeycloakTestServer keycloak, String department) {
        this.keycloak = keycloak;
        this.department = department;
    }

    /**
     * Creates (or updates) the app's clients in both realms.
     *
     * @param appUrl     the app's base URL with a trailing slash, e.g. {@code http://127.0.0.1:8123/}
     * @param department the owning department's code (the back office admits its staff only)
     */
    public static AppSignInFixture create(String app, String department, String appUrl) {
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        AppSignInFixture fixture = new AppSignInFixture(keycloak, department);
        String clientId = "app." + department + "." + app;
        fixture.properties.put("govpaas.department", department);
        try (KeycloakProvisioning provisioning = new KeycloakProvisioning(keycloak.baseUrl(), PLATFORM)) {
            fixture.client("citizens", KeycloakTestServer.CITIZENS_REALM, clientId,
                    provisioning.ensureAppClient(KeycloakTestServer.CITIZENS_REALM, clientId, appUrl));
            fixture.client("staff", KeycloakTestServer.STAFF_REALM, clientId,
                    provisioning.ensureAppClient(KeycloakTestServer.STAFF_REALM, clientId, appUrl));
        }
        return fixture;
    }

    private void client(String kind, String realm, String clientId, String secret) {
        String prefix = "govpaas.oidc." + kind + ".";
        properties.put(prefix + "realm", realm);
        properties.put(prefix + "client-id", clientId);
        properties.put(prefix + "client-secret", secret);
        properties.put(prefix + "keycloak-url", keycloak.baseUrl());
    }

    /** What to run the app with ({@code govpaas.oidc.*}, {@code govpaas.department}). */
    public Map<String, String> properties() {
        return Map.copyOf(properties);
    }

    /** A new citizen with a unique username (returned); password {@link #PASSWORD}. */
    public String citizen(String prefix) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.createUser(KeycloakTestServer.CITIZENS_REALM, username, PASSWORD, List.of(), List.of());
        return username;
    }

    /** A new staff member holding {@code role} (e.g. {@code staff}) in {@code inDepartment}. */
    public String staff(String prefix, String inDepartment, String role) {
        String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.createUser(KeycloakTestServer.STAFF_REALM, username, PASSWORD,
                List.of("/departments/" + inDepartment + "/" + role), List.of());
        return username;
    }

    /** A staff member of the app's own department with the {@code staff} role. */
    public String staff(String prefix) {
        return staff(prefix, department, "staff");
    }

    public KeycloakTestServer keycloak() {
        return keycloak;
    }
}
