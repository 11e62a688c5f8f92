package org.govpaas.platform.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** What a browser is told on every answer, and what a forged form post gets. */
class BrowserSecurityTest extends PlatformIntegrationTest {

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
        }
        HttpResponse<String> api = admin.api("GET", "/api/v1/departments", null);
        assertThat(api.headers().firstValue("Content-Security-Policy")).hasValue("default-src 'none'; frame-ancestors 'none'");
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
