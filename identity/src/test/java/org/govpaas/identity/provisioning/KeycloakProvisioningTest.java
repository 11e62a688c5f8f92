package org.govpaas.identity.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.govpaas.identity.adapter.DepartmentRole;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The platform's provisioning against a real Keycloak with the project's realms. */
class KeycloakProvisioningTest {

    private static KeycloakTestServer keycloak;
    private static KeycloakProvisioning provisioning;

    @BeforeAll
    static void connect() {
        keycloak = KeycloakTestServer.shared();
        provisioning = new KeycloakProvisioning("http://localhost:" + keycloak.port(),
                new ProvisioningProperties("govpaas-platform", "govpaas-local-platform-secret", KeycloakTestServer.STAFF_REALM,
                        "govpaas-citizens"));
    }

    @AfterAll
    static void close() {
        provisioning.close();
    }

    /**
     * The demo accounts are ensured at every start: one made with the names in the other order
     * (as earlier versions did) gets the names of its definition, and keeps its password and groups.
     */
    @Test
    void anExistingUserGetsTheNamesItIsEnsuredWithAndKeepsTheRest() {
        String username = "names-" + UUID.randomUUID().toString().substring(0, 8);
        String department = "names-" + UUID.randomUUID().toString().substring(0, 6);
        provisioning.ensureDepartment(department, "测试局", "Test Bureau");
        String developers = "/departments/" + department + "/developer";

        assertThat(provisioning.ensureUser(KeycloakTestServer.STAFF_REALM, new NewUser(username, "民政", "开发者",
                username + "@example.org", "first-password", List.of(), List.of(developers)))).isTrue();
        assertThat(provisioning.members(department)).singleElement()
                .satisfies(member -> assertThat(member.displayName()).isEqualTo("开发者民政"));

        assertThat(provisioning.ensureUser(KeycloakTestServer.STAFF_REALM, new NewUser(username, "开发者", "民政",
                username + "@example.org", "other-password", List.of(), List.of()))).isFalse();

        assertThat(provisioning.members(department)).singleElement().satisfies(member -> {
            assertThat(member.displayName()).isEqualTo("民政开发者");
            assertThat(member.role()).isEqualTo(DepartmentRole.DEVELOPER);
        });
        assertThat(new BrowserlessLogin().authorizationCodeLogin(keycloak.issuer(KeycloakTestServer.STAFF_REALM),
                "govpaas-cli", null, URI.create("http://127.0.0.1:43123/callback"), username, "first-password")
                .accessTokenClaims().path("preferred_username").asString()).isEqualTo(username);
    }
}
