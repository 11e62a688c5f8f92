package org.govpaas.platform.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.govpaas.platform.GovPaasApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole platform as a user meets it: a real Keycloak (started once per test JVM from the
 * Maven distribution), a real embedded PostgreSQL in a fresh directory, the demo accounts of the
 * local profile, and the HTTP server on 127.0.0.1 (a loopback redirect Keycloak accepts).
 */
@SpringBootTest(classes = GovPaasApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // Apps outlive a control plane on purpose (re-adoption); a test's must not outlive the test.
        properties = {"server.address=127.0.0.1", "govpaas.runtime.local.stop-apps-on-close=true",
                // A training run per test class would only compete for the CPU; StartupCacheTest covers it.
                "govpaas.runtime.local.startup-cache=false"})
@ActiveProfiles("local")
public abstract class PlatformIntegrationTest {

    public static final String PASSWORD = "govpaas-demo";
    private static final Map<String, StaffClient> CLIENTS = new ConcurrentHashMap<>();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void platformProperties(DynamicPropertyRegistry registry) throws Exception {
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        Path data = Files.createTempDirectory("govpaas-test-data");
        registry.add("govpaas.identity.keycloak-url", keycloak::baseUrl);
        registry.add("govpaas.identity.public-url", keycloak::baseUrl);
        registry.add("govpaas.data-dir", data::toString);
        registry.add("govpaas.catalog.artifact-repository", () -> TestArtifacts.repository().toString());
    }

    protected String baseUrl() {
        return "http://127.0.0.1:" + port;
    }

    /** A signed-in staff member (console session and API token), reused across tests. */
    protected StaffClient as(String username) {
        return CLIENTS.computeIfAbsent(port + "/" + username, k -> signInAfresh(username));
    }

    /** A staff member in a browser of their own, signed in just now (for tests that use up a session). */
    protected StaffClient signInAfresh(String username) {
        return StaffClient.signIn(baseUrl(), KeycloakTestServer.shared(), username, PASSWORD);
    }

    protected StaffClient anonymous() {
        return StaffClient.anonymous(baseUrl());
    }
}
