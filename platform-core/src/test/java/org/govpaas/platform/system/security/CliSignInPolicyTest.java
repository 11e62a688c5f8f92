package org.govpaas.platform.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A staff realm imported before the realm file required the password on every CLI sign-in gets
 * that policy from the platform, so an upgraded installation needs no change by hand.
 */
class CliSignInPolicyTest extends PlatformIntegrationTest {

    private static final String MINIMUM_ACR = "minimum.acr.value";

    @Autowired
    CliSignInPolicy policy;

    @Test
    void theCliClientOfAnOlderRealmIsMadeToAskForThePassword() throws Exception {
        // The platform's own check at start-up must not run in the middle of this test's changes.
        policy.firstCheck().get(60, TimeUnit.SECONDS);
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        String client = "/" + KeycloakTestServer.STAFF_REALM + "/clients/"
                + keycloak.clientUuid(KeycloakTestServer.STAFF_REALM, CliSignInPolicy.CLI_CLIENT);
        ObjectNode older = (ObjectNode) keycloak.adminGet(client).deepCopy();
        // As an older realm has it: no minimum (Keycloak keeps an attribute a PUT leaves out).
        ((ObjectNode) older.get("attributes")).put(MINIMUM_ACR, "");
        HttpResponse<String> put = keycloak.admin("PUT", client, older);
        assertThat(put.statusCode()).isEqualTo(204);
        try {
            assertThat(minimumAcr(keycloak, client)).isNullOrEmpty();

            assertThat(policy.apply()).isTrue();

            assertThat(minimumAcr(keycloak, client)).isEqualTo("1");
            // The client's other settings are the realm file's still.
            assertThat(keycloak.adminGet(client).path("redirectUris")).isEqualTo(older.path("redirectUris"));
            assertThat(policy.apply()).as("nothing left to change").isFalse();
        } finally {
            policy.apply(); // whatever happened above, the shared Keycloak keeps the realm file's policy
        }
    }

    private static String minimumAcr(KeycloakTestServer keycloak, String client) {
        JsonNode value = keycloak.adminGet(client).path("attributes").get(MINIMUM_ACR);
        return value == null ? null : value.asString();
    }
}
