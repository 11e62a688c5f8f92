package org.govpaas.platform.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.govpaas.platform.GovPaasApplication;
import org.govpaas.platform.testing.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.govpaas.platform.testing.StaffClient;

/**
 * Keycloak goes away and comes back while the platform runs. The platform reaches Keycloak
 * through a proxy this test cuts; browsers and token issuers keep Keycloak's real address.
 */
@SpringBootTest(classes = GovPaasApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.address=127.0.0.1", "govpaas.runtime.local.stop-apps-on-close=true",
                "govpaas.runtime.local.prepare-catalog=false"})
@ActiveProfiles("local")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KeycloakOutageTest {

    static final KeycloakTestServer KEYCLOAK = KeycloakTestServer.shared();
    static TcpProxy proxy;
    static String adminToken;

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) throws Exception {
        proxy = new TcpProxy(KEYCLOAK.port());
        registry.add("govpaas.identity.keycloak-url", () -> "http://localhost:" + proxy.port());
        registry.add("govpaas.identity.public-url", KEYCLOAK::baseUrl);
        String data = Files.createTempDirectory("govpaas-outage").toString();
        registry.add("govpaas.data-dir", () -> data);
    }

    @AfterAll
    static void closeProxy() throws Exception {
        proxy.close();
    }

    @Test
    @Order(1)
    void apiAnswers503WhenTokensCannotBeCheckedAndRecovers() throws Exception {
        // demo accounts were seeded through the proxy while it was up
        adminToken = new BrowserlessLogin().authorizationCodeLogin(KEYCLOAK.issuer(KeycloakTestServer.STAFF_REALM),
                "govpaas-cli", null, URI.create("http://127.0.0.1:53682/callback"), "platform-admin", "govpaas-demo")
                .accessToken();
        proxy.stop();
        HttpResponse<String> down = api("GET", "/api/v1/departments", null);
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(down.body()).contains("unavailable").doesNotContain("Exception");

        proxy.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(api("GET", "/api/v1/departments", null).statusCode()).isEqualTo(200));
    }

    @Test
    @Order(2)
    void creatingADepartmentWhileKeycloakIsAwayChangesNothing() throws Exception {
        proxy.stop();
        HttpResponse<String> create = api("POST", "/api/v1/departments", """
                {"code": "during-outage", "nameZh": "停机测试", "nameEn": "Outage test", "maxApps": 1,
                 "maxInstances": 1, "maxMemoryMib": 512, "monthlyBudget": 1.00}""");
        assertThat(create.statusCode()).isEqualTo(503);
        assertThat(create.headers().firstValue("Retry-After")).isPresent();
        assertThat(jdbc.queryForObject("select count(*) from department where code = 'during-outage'", Integer.class))
                .isZero();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where detail like '%during-outage%'",
                Integer.class)).isZero();
    }

    @Test
    @Order(3)
    void consoleShowsABilingualSignInUnavailablePageAndRecovers() throws Exception {
        proxy.stop();
        StaffClient visitor = StaffClient.anonymous("http://127.0.0.1:" + port);
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() ->
                assertThat(visitor.get("/console").statusCode()).isEqualTo(503));
        String page = visitor.get("/console").body();
        assertThat(page).contains("登录服务暂不可用", "Sign-in service unavailable");

        proxy.start();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            HttpResponse<String> console = visitor.get("/console");
            assertThat(console.statusCode()).isEqualTo(302);
            assertThat(console.headers().firstValue("Location").orElseThrow())
                    .endsWith("/oauth2/authorization/keycloak");
        });
    }

    private HttpResponse<String> api(String method, String path, String json) {
        return StaffClient.bearer("http://127.0.0.1:" + port, adminToken).api(method, path, json);
    }
}
