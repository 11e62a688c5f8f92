package org.govpaas.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * As a member of civil-affairs, every endpoint that names a department, called with health's
 * code, answers 404 exactly like a department that does not exist, and changes nothing.
 */
class CrossDepartmentTest extends PlatformIntegrationTest {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @BeforeEach
    void appsToWalk() {
        Endpoints.fixtures = new MatrixFixtures(as(Role.PLATFORM_ADMIN.username));
    }

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anotherDepartmentAnswersLikeAMissingOne() {
        List<String> departmentEndpoints = RoleMatrixTest.registeredEndpoints(mappings).stream()
                .filter(e -> e.contains("{dept}")).toList();
        assertThat(departmentEndpoints).isNotEmpty();
        assertThat(Endpoints.ALL.keySet()).containsAll(departmentEndpoints);

        String before = snapshot();
        List<String> leaks = new ArrayList<>();
        for (Role role : List.of(Role.DEVELOPER, Role.STAFF)) {
            StaffClient client = as(role.username);
            for (String key : departmentEndpoints) {
                Endpoints.Endpoint endpoint = Endpoints.ALL.get(key);
                HttpResponse<String> other = endpoint.call().send().apply(client, Role.OTHER_DEPARTMENT);
                HttpResponse<String> missing = endpoint.call().send().apply(client, "no-such-department");
                if (other.statusCode() != 404 || missing.statusCode() != 404) {
                    leaks.add(role + " " + key + ": other department " + other.statusCode()
                            + ", missing department " + missing.statusCode());
                }
                if (key.startsWith("GET /api") && !other.body().equals(missing.body().replace(
                        "no-such-department", Role.OTHER_DEPARTMENT))) {
                    leaks.add(role + " " + key + ": the 404 body differs from a missing department's");
                }
            }
        }
        assertThat(leaks).isEmpty();
        assertThat(snapshot()).as("nothing changed").isEqualTo(before);
    }

    @Test
    void theDeployFormCannotTargetAnotherDepartment() {
        HttpResponse<String> response = as(Role.DEVELOPER.username).post("/console/deploy/notice-board",
                java.util.Map.of("dept", Role.OTHER_DEPARTMENT, "name", "sneaky", "version", "1.0.0",
                        "instances", "0", "memoryMb", "256", "param.title", "x"));
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(as(Role.PLATFORM_ADMIN.username).api("GET", "/api/v1/departments/health/apps/sneaky", null)
                .statusCode()).isEqualTo(404);
    }

    @Test
    void listsShowOnlyTheCallersDepartment() {
        HttpResponse<String> api = as(Role.DEVELOPER.username).api("GET", "/api/v1/departments", null);
        assertThat(api.statusCode()).isEqualTo(200);
        assertThat(api.body()).contains("\"code\":\"civil-affairs\"").doesNotContain("\"code\":\"health\"");

        String page = as(Role.DEVELOPER.username).get("/console/departments").body();
        assertThat(page).contains("civil-affairs").doesNotContain("/console/departments/health");

        HttpResponse<String> all = as(Role.IT_OFFICE.username).api("GET", "/api/v1/departments", null);
        assertThat(all.body()).contains("\"code\":\"civil-affairs\"", "\"code\":\"health\"",
                "\"code\":\"city-management\"", "\"code\":\"sme-services\"");
    }

    /** What the civil-affairs staff could have changed (the admin's fixture apps are not theirs). */
    private String snapshot() {
        return jdbc.queryForList("select code, name_zh, name_en, max_apps, max_instances, max_memory_mib, "
                + "monthly_budget, updated_at from department order by code").toString()
                + jdbc.queryForList("select a.name, a.generation, a.desired from app a join department d "
                + "on d.id = a.department_id where d.code = 'health' and a.name not like 'del-%' order by a.name")
                + jdbc.queryForObject("select count(*) from audit_event where action <> 'SIGNED_IN' "
                + "and actor in ('dev-civil', 'staff-civil')", Integer.class);
    }
}
