package org.govpaas.platform.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govpaas.identity.provisioning.KeycloakProvisioning;
import org.govpaas.identity.provisioning.NewUser;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a browser is told on every answer, and what a forged form post gets. */
class BrowserSecurityTest extends PlatformIntegrationTest {

    @Autowired
    KeycloakProvisioning keycloak;

    @Autowired
    org.govpaas.platform.system.StaffSessions sessions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyPageCarriesStrictSecurityHeaders() {
        StaffClient admin = as("platform-admin");
        for (String path : List.of("/", "/console", "/console/departments", "/console/audit",
                "/console/departments/no-such", "/sign-in-unavailable", "/swagger-ui.html")) {
            HttpResponse<String> response = admin.get(path);
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp ->
                    assertThat(csp).contains("frame-ancestors 'none'", "default-src 'self'", "script-src 'self'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path)
                    .hasValue("strict-origin-when-cross-origin");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(response.headers().firstValue("Cross-Origin-Opener-Policy")).as(path).hasValue("same-origin");
        }
        HttpResponse<String> api = admin.api("GET", "/api/v1/departments", null);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
    }

    @Test
    void apiCallsFromASignedInBrowserLeaveItsConsoleSessionAlone() throws Exception {
        // The API docs page, or any script, calls the API with a bearer token from a browser that
        // also holds a console session; the browser sends the session cookie along.
        StaffClient admin = signInAfresh("platform-admin");
        HttpResponse<String> one = admin.api("GET", "/api/v1/departments", null);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(one.headers().allValues("Set-Cookie")).isEmpty();
        assertThat(admin.api("POST", "/api/v1/departments", "{\"code\": \"\"}").headers().allValues("Set-Cookie"))
                .isEmpty();

        try (var calls = Executors.newFixedThreadPool(8)) {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                statuses.add(calls.submit(() -> admin.api("GET", "/api/v1/departments", null).statusCode()));
            }
            for (var status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        }
        HttpResponse<String> console = admin.get("/console/departments");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(admin.post("/console/departments", Map.of("code", "after-api", "nameZh", "接口之后",
                "nameEn", "After API", "maxApps", "1", "maxInstances", "1", "maxMemoryMib", "1",
                "monthlyBudget", "1.00")).statusCode()).isEqualTo(302);
    }

    @Test
    void sessionCookieIsHttpOnlyAndSameSite() {
        HttpResponse<String> response = anonymous().get("/console");
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("GOVPAAS_SESSION=")).findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly", "SameSite=Lax");
    }

    @Test
    void aFormPostWithoutCsrfTokenIsRefusedAndChangesNothing() {
        StaffClient admin = as("platform-admin");
        HttpResponse<String> forged = admin.postWithoutCsrf("/console/departments", Map.of("code", "forged",
                "nameZh", "伪造", "nameEn", "Forged", "maxApps", "1", "maxInstances", "1", "maxMemoryMib", "1",
                "monthlyBudget", "1.00"));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from department where code = 'forged'", Integer.class)).isZero();

        HttpResponse<String> genuine = admin.post("/console/departments", Map.of("code", "genuine",
                "nameZh", "真实", "nameEn", "Genuine", "maxApps", "1", "maxInstances", "1", "maxMemoryMib", "1",
                "monthlyBudget", "1.00"));
        assertThat(genuine.statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from department where code = 'genuine'", Integer.class)).isOne();
    }

    /**
     * Apps are served on the console's origin: a script in an app page that fetches a console page
     * with a staff member's session gets nothing. The headers are those Chromium sends.
     */
    @Test
    void aConsolePageRequestedByAScriptNeedsTheConsolesOwnToken() {
        StaffClient admin = as("platform-admin");
        Map<String, String> fetch = Map.of("Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode", "cors",
                "Sec-Fetch-Dest", "empty");
        // Percent-encoded, the path is the same console page to the server: it needs the token too.
        for (String path : List.of("/console", "/console/departments", "/console/departments/civil-affairs/apps",
                "/%63onsole/departments", "/%63onsole", "/console/%64epartments")) {
            HttpResponse<String> byScript = admin.get(path, fetch);
            assertThat(byScript.statusCode()).as(path).isEqualTo(403);
            assertThat(byScript.body()).as(path).doesNotContain("civil-affairs", "_csrf");
        }
        HttpResponse<String> image = admin.get("/console/departments", Map.of("Sec-Fetch-Site", "same-origin",
                "Sec-Fetch-Mode", "no-cors", "Sec-Fetch-Dest", "image"));
        assertThat(image.statusCode()).isEqualTo(403);

        HttpResponse<String> navigation = admin.get("/console/departments", Map.of("Sec-Fetch-Site", "same-origin",
                "Sec-Fetch-Mode", "navigate", "Sec-Fetch-Dest", "document"));
        assertThat(navigation.statusCode()).isEqualTo(200);
        assertThat(navigation.body()).contains("civil-affairs");
        assertThat(admin.get("/%63onsole/departments", Map.of("Sec-Fetch-Site", "same-origin", "Sec-Fetch-Mode",
                "navigate", "Sec-Fetch-Dest", "document")).body()).as("the encoded path is the console's own page")
                .contains("civil-affairs");

        // The console's own script sends the token its page carries.
        Map<String, String> withToken = new HashMap<>(fetch);
        withToken.put("X-CSRF-TOKEN", admin.csrfToken().orElseThrow());
        HttpResponse<String> consoleScript = admin.get("/console/departments", withToken);
        assertThat(consoleScript.statusCode()).isEqualTo(200);
        assertThat(consoleScript.body()).contains("civil-affairs");
        withToken.put("X-CSRF-TOKEN", "forged");
        assertThat(admin.get("/console/departments", withToken).statusCode()).isEqualTo(403);
    }

    /**
     * A developer removed from a department while their console is open (its live panels keep the
     * session alive) loses the department at their next request, not when they sign out.
     */
    @Test
    void aStaffMemberRemovedFromADepartmentLosesItAtTheirNextRequest() {
        String dept = "sme-services";
        String username = "leaver-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        keycloak.ensureUser(KeycloakTestServer.STAFF_REALM, new NewUser(username, "离任", "开发者",
                username + "@example.org", PASSWORD, List.of(), List.of("/departments/" + dept + "/developer")));
        StaffClient admin = as("platform-admin");
        assertThat(admin.api("POST", "/api/v1/departments/" + dept + "/apps", "{\"name\": \"" + username
                + "\", \"template\": \"notice-board\", \"instances\": 0}").statusCode()).isEqualTo(202);
        String output = "/console/departments/" + dept + "/apps/" + username + "/output";
        try {
            StaffClient leaver = signInAfresh(username);
            assertThat(leaver.get(output).statusCode()).as("a developer of the department").isEqualTo(200);

            assertThat(admin.post("/console/departments/" + dept + "/members/remove",
                    Map.of("username", username, "role", "DEVELOPER")).statusCode()).isEqualTo(302);

            HttpResponse<String> next = leaver.get(output);
            assertThat(next.statusCode()).as("the session that held the role has ended").isEqualTo(302);
            assertThat(next.body()).doesNotContain(username);
            assertThat(signInAfresh(username).get(output).statusCode())
                    .as("signed in again, the department is another's").isEqualTo(404);
            assertThat(admin.get("/console/departments").statusCode()).as("nobody else's session ends").isEqualTo(200);
        } finally {
            admin.api("DELETE", "/api/v1/departments/" + dept + "/apps/" + username + "?purgeData=true", null);
        }
    }

    /** The registry that lets a removal end sessions forgets the sessions that end: it does not grow. */
    @Test
    void aSessionThatEndsLeavesTheSessionRegistry() {
        String username = "visitor-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        keycloak.ensureUser(KeycloakTestServer.STAFF_REALM, new NewUser(username, "访客", "职员",
                username + "@example.org", PASSWORD, List.of(), List.of()));
        StaffClient visitor = signInAfresh(username);
        assertThat(visitor.get("/console").statusCode()).isEqualTo(200);
        assertThat(sessionsOf(username)).isEqualTo(1);

        assertThat(visitor.post("/logout", Map.of()).statusCode()).isEqualTo(302);
        assertThat(sessionsOf(username)).isZero();
    }

    private long sessionsOf(String username) {
        return sessions.getAllPrincipals().stream()
                .filter(p -> p instanceof org.springframework.security.oauth2.core.oidc.user.OidcUser user
                        && username.equals(user.getPreferredUsername()))
                .mapToLong(p -> sessions.getAllSessions(p, false).size()).sum();
    }

    @Test
    void errorPagesShowNoStackTrace() {
        StaffClient admin = as("platform-admin");
        HttpResponse<String> page = admin.post("/console/departments/civil-affairs/members",
                Map.of("username", "x", "role", "NOT_A_ROLE"));
        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).doesNotContain("Exception", "at org.", "java.lang");
    }

    @Test
    void signInsAndDepartmentChangesAppearInTheAuditLog() {
        as("dev-civil");
        StaffClient admin = as("platform-admin");
        admin.api("PATCH", "/api/v1/departments/sme-services", "{\"maxApps\": 11}");
        String page = admin.get("/console/audit?lang=en").body();
        assertThat(page).contains("dev-civil", "Signed in", "Quota or budget changed", "maxApps: 10 -&gt; 11");
        assertThat(jdbc.queryForObject("select count(*) from audit_event a join department d on d.id = a.department_id"
                + " where a.actor = 'dev-civil' and a.action = 'SIGNED_IN' and d.code = 'civil-affairs'", Integer.class))
                .isPositive();
    }
}
