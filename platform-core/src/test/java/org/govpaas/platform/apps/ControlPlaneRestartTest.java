package org.govpaas.platform.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.govpaas.platform.GovPaasApplication;
import org.govpaas.platform.testing.StaffClient;
import org.govpaas.platform.testing.TcpProxy;
import org.govpaas.platform.testing.TestArtifacts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform restarted while Keycloak is away, as a machine's reboot can order them: the
 * citizen services it ran keep serving through the gateway (the runtime adopted their
 * instances), although their specs cannot be built again until Keycloak answers (each app's
 * sign-in clients are ensured there). The platform reaches Keycloak through a proxy this test
 * cuts; token issuers keep Keycloak's real address.
 */
class ControlPlaneRestartTest {

    private static final KeycloakTestServer KEYCLOAK = KeycloakTestServer.shared();
    private static final Duration UP = Duration.ofSeconds(120);

    private TcpProxy proxy;
    private Path data;
    private int port;
    private ConfigurableApplicationContext platform;
    /** Whether the running platform stops its apps when closed: the last one must leave nothing. */
    private boolean stopsApps;

    @AfterEach
    void leaveNothingRunning() throws Exception {
        if (platform != null && !stopsApps) {
            platform.close();
            platform = null;
        }
        if (platform == null && data != null) {
            proxy.start();
            platform = start(true); // adopts what an earlier one left, and stops it on close
        }
        if (platform != null) {
            platform.close();
        }
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void appsKeepServingThroughAPlatformRestartWhileKeycloakIsAway() throws Exception {
        proxy = new TcpProxy(KEYCLOAK.port());
        data = Files.createTempDirectory("govpaas-restart");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        platform = start(false);
        StaffClient admin = StaffClient.bearer(base(), await().atMost(UP).ignoreExceptions().until(() ->
                new BrowserlessLogin().authorizationCodeLogin(KEYCLOAK.issuer(KeycloakTestServer.STAFF_REALM),
                        "govpaas-cli", null, URI.create("http://127.0.0.1:53682/callback"), "platform-admin",
                        "govpaas-demo").accessToken(), token -> token != null));
        assertThat(admin.api("POST", "/api/v1/departments", """
                {"code": "restarts", "nameZh": "重启测试", "nameEn": "Restart test", "maxApps": 1, "maxInstances": 1,
                 "maxMemoryMib": 1024, "monthlyBudget": 100.00}""").statusCode()).isEqualTo(201);
        HttpResponse<String> deployed = admin.api("POST", "/api/v1/departments/restarts/apps",
                "{\"name\": \"booking\", \"template\": \"appointments\"}");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
        await().atMost(UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(admin.api("GET", "/api/v1/departments/restarts/apps/booking", null).body())
                        .contains("\"state\":\"RUNNING\""));
        StaffClient citizen = StaffClient.anonymous(base());
        assertThat(citizen.get("/apps/restarts/booking/").statusCode()).isEqualTo(200);

        platform.close(); // its apps run on
        proxy.stop();
        platform = start(true);

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(citizen.get("/apps/restarts/booking/").statusCode()).isEqualTo(200));
        assertThat(citizen.get("/").body()).as("the portal lists it").contains("/apps/restarts/booking/");

        proxy.start();
        await().atMost(UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(admin.api("GET", "/api/v1/departments/restarts/apps/booking", null).body())
                        .contains("\"state\":\"RUNNING\"", "\"message\":\"ready\""));
        assertThat(citizen.get("/apps/restarts/booking/").statusCode()).isEqualTo(200);
    }

    private ConfigurableApplicationContext start(boolean stopAppsOnClose) {
        stopsApps = stopAppsOnClose;
        // Command-line arguments: above application.yml (builder defaults would sit below it).
        return new SpringApplicationBuilder(GovPaasApplication.class).profiles("local").run(
                "--server.port=" + port, "--server.address=127.0.0.1", "--govpaas.data-dir=" + data,
                "--govpaas.identity.keycloak-url=http://localhost:" + proxy.port(),
                "--govpaas.identity.public-url=" + KEYCLOAK.baseUrl(),
                "--govpaas.catalog.artifact-repository=" + TestArtifacts.repository(),
                "--govpaas.runtime.local.prepare-catalog=false", "--govpaas.runtime.local.startup-cache=false",
                "--govpaas.runtime.local.stop-apps-on-close=" + stopAppsOnClose);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }
}
