package org.govpaas.platform.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Departments through the public API, as a platform admin with a real token. */
class DepartmentApiTest extends PlatformIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void platformAdminCreatesADepartmentWithItsKeycloakGroupAndAnAuditEntry() {
        StaffClient admin = as("platform-admin");
        HttpResponse<String> created = admin.api("POST", "/api/v1/departments", """
                {"code": "transport", "nameZh": "交通运输局", "nameEn": "Transport Bureau", "maxApps": 5,
                 "maxInstances": 10, "maxMemoryMib": 8192, "monthlyBudget": 12500.50}""");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).hasValue("/api/v1/departments/transport");

        HttpResponse<String> read = admin.api("GET", "/api/v1/departments/transport", null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"nameZh\":\"交通运输局\"", "\"monthlyBudget\":12500.50", "\"maxApps\":5");

        for (String role : List.of("developer", "staff", "department-admin")) {
            HttpResponse<String> group = KeycloakTestServer.shared().admin("GET",
                    "/govpaas-staff/group-by-path/departments/transport/" + role, null);
            assertThat(group.statusCode()).as("Keycloak group for %s", role).isEqualTo(200);
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event a join department d on d.id = a.department_id "
                + "where d.code = 'transport' and a.action = 'DEPARTMENT_CREATED' and a.actor = 'platform-admin'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void quotaChangesAreStoredAndAudited() {
        StaffClient admin = as("platform-admin");
        assertThat(admin.api("POST", "/api/v1/departments", body("quota-check")).statusCode()).isEqualTo(201);
        HttpResponse<String> patched = admin.api("PATCH", "/api/v1/departments/quota-check",
                "{\"maxInstances\": 7, \"monthlyBudget\": 99.90}");
        assertThat(patched.statusCode()).isEqualTo(200);
        assertThat(patched.body()).contains("\"maxInstances\":7", "\"monthlyBudget\":99.90", "\"maxApps\":1");
        String detail = jdbc.queryForObject("select a.detail from audit_event a join department d on d.id = a.department_id "
                + "where d.code = 'quota-check' and a.action = 'QUOTA_CHANGED'", String.class);
        assertThat(detail).contains("maxInstances: 1 -> 7", "monthlyBudget: 100.00 -> 99.90");
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndStoresNothing() {
        StaffClient admin = as("platform-admin");
        int before = departments();
        Map<String, String> cases = Map.ofEntries(
                Map.entry("malformed JSON", "{\"code\": "),
                Map.entry("wrong type", body("wrong-type").replace("\"maxApps\": 1", "\"maxApps\": \"ten\"")),
                Map.entry("huge number", body("huge").replace("\"maxApps\": 1", "\"maxApps\": 99999999999999")),
                Map.entry("over the limit", body("over").replace("\"maxApps\": 1", "\"maxApps\": 1001")),
                Map.entry("negative budget", body("negative").replace("100.00", "-1")),
                Map.entry("fraction of a fen", body("fen").replace("100.00", "1.001")),
                Map.entry("upper case code", body("Bad_Code")),
                Map.entry("path traversal", body("../etc")),
                Map.entry("leading hyphen", body("-lead")),
                Map.entry("too long", body("a".repeat(41))),
                Map.entry("script in code", body("<script>")),
                Map.entry("SQL in code", body("x'; drop table department;--")),
                Map.entry("script in name", body("script-name").replace("测试部门", "<script>alert(1)</script>")),
                Map.entry("blank name", body("blank-name").replace("测试部门", "   ")),
                Map.entry("unknown field", body("unknown").replace("{", "{\"id\": 5, ")),
                Map.entry("missing fields", "{\"code\": \"missing\"}"),
                Map.entry("empty body", ""));
        cases.forEach((name, json) -> {
            HttpResponse<String> response = admin.api("POST", "/api/v1/departments", json);
            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).as(name).hasValue("application/problem+json");
            assertThat(response.body()).as(name).doesNotContain("Exception", "at org.", "tools.jackson");
        });
        HttpResponse<String> fieldErrors = admin.api("POST", "/api/v1/departments", body("Bad_Code"));
        assertThat(fieldErrors.body()).contains("\"field\":\"code\"");
        assertThat(departments()).isEqualTo(before);
    }

    @Test
    void theCodeCanNeitherBeTakenTwiceNorChanged() {
        StaffClient admin = as("platform-admin");
        assertThat(admin.api("POST", "/api/v1/departments", body("only-once")).statusCode()).isEqualTo(201);
        HttpResponse<String> again = admin.api("POST", "/api/v1/departments", body("only-once"));
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).contains("\"field\":\"code\"");
        HttpResponse<String> rename = admin.api("PATCH", "/api/v1/departments/only-once", "{\"code\": \"renamed\"}");
        assertThat(rename.statusCode()).isEqualTo(400);
        assertThat(admin.api("GET", "/api/v1/departments/renamed", null).statusCode()).isEqualTo(404);
    }

    @Test
    void templateExpressionsInNamesAreShownLiterally() {
        StaffClient admin = as("platform-admin");
        String json = body("literal-name").replace("测试部门", "${7*7} [[${7*7}]]");
        assertThat(admin.api("POST", "/api/v1/departments", json).statusCode()).isEqualTo(201);
        String page = admin.get("/console/departments/literal-name?lang=zh-CN").body();
        assertThat(page).contains("${7*7} [[${7*7}]]").doesNotContain(">49<");
    }

    @Test
    void missingOrTamperedTokensAreRefused() {
        StaffClient admin = as("platform-admin");
        String token = admin.accessToken();
        String[] parts = token.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
        var response = anonymous().api("GET", "/api/v1/departments", null);
        assertThat(response.statusCode()).isEqualTo(401);
        HttpResponse<String> forged = java.net.http.HttpClient.newHttpClient().sendAsync(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/api/v1/departments"))
                        .header("Authorization", "Bearer " + tampered).GET().build(),
                HttpResponse.BodyHandlers.ofString()).join();
        assertThat(forged.statusCode()).isEqualTo(401);
    }

    private int departments() {
        return jdbc.queryForObject("select count(*) from department", Integer.class);
    }

    private static String body(String code) {
        return """
                {"code": "%s", "nameZh": "测试部门", "nameEn": "Test department", "maxApps": 1, "maxInstances": 1,
                 "maxMemoryMib": 512, "monthlyBudget": 100.00}""".formatted(code.replace("\"", "\\\""));
    }
}
