package org.govpaas.platform.security;

import static org.govpaas.platform.security.Role.ANONYMOUS;
import static org.govpaas.platform.security.Role.DEVELOPER;
import static org.govpaas.platform.security.Role.IT_OFFICE;
import static org.govpaas.platform.security.Role.PLATFORM_ADMIN;
import static org.govpaas.platform.security.Role.STAFF;

import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.govpaas.platform.testing.StaffClient;

/**
 * Every endpoint the platform registers, with how to call it and what each role must get.
 * The role matrix and the cross-department test both walk this table and fail when the
 * application registers an endpoint that is not in it.
 */
final class Endpoints {

    /** How to call an endpoint as somebody, for the department code given. */
    record Call(BiFunction<StaffClient, String, HttpResponse<String>> send) {
    }

    record Endpoint(String key, Call call, Map<Role, Integer> expected) {
    }

    /** The app every department of the matrix has; 0 instances, so operating it runs nothing. */
    static final String MATRIX_APP = "matrix";

    /** Creates what the calls need, as a platform admin; set by the test before the first call. */
    interface Fixtures {
        /** A fresh app of 0 instances in {@code dept}, to be deleted by the call. */
        String disposableApp(String dept);
    }

    static volatile Fixtures fixtures;

    static final Map<String, Endpoint> ALL = new LinkedHashMap<>();

    /** A month long past that no test closes. */
    static final String OPEN_PERIOD = "2000-06";

    static final String BAD_RATE_CARD = """
            {"validFrom": "2099-01-15", "vcpuHour": 1, "memoryGibHour": 1, "storageGibMonth": 1,
             "thousandRequests": 1, "taxRate": 0.06}""";

    static {
        // ---- REST API
        add("GET /api/v1/departments", (c, d) -> c.api("GET", "/api/v1/departments", null),
                200, 200, 200, 200, 401);
        add("GET /api/v1/departments/{dept}", (c, d) -> c.api("GET", "/api/v1/departments/" + d, null),
                200, 200, 200, 200, 401);
        add("POST /api/v1/departments", (c, d) -> c.api("POST", "/api/v1/departments", newDepartmentJson()),
                201, 403, 403, 403, 401);
        add("PATCH /api/v1/departments/{dept}", (c, d) -> c.api("PATCH", "/api/v1/departments/" + d,
                "{\"maxApps\": 20}"), 200, 403, 403, 403, 401);

        // ---- console (anonymous GETs are sent to sign in: 302; anonymous POSTs lack a CSRF token: 403)
        add("GET /console", (c, d) -> c.get("/console"), 200, 200, 200, 200, 302);
        add("GET /console/departments", (c, d) -> c.get("/console/departments"), 200, 200, 200, 200, 302);
        add("GET /console/departments/new", (c, d) -> c.get("/console/departments/new"), 200, 403, 403, 403, 302);
        add("POST /console/departments", (c, d) -> c.post("/console/departments", newDepartmentForm()),
                302, 403, 403, 403, 403);
        add("GET /console/departments/{dept}", (c, d) -> c.get("/console/departments/" + d), 200, 200, 200, 200, 302);
        add("GET /console/departments/{dept}/edit", (c, d) -> c.get("/console/departments/" + d + "/edit"),
                200, 403, 403, 403, 302);
        add("POST /console/departments/{dept}", (c, d) -> c.post("/console/departments/" + d, Map.of(
                        "nameZh", "民政局", "nameEn", "Civil Affairs Bureau", "maxApps", "20", "maxInstances", "40",
                        "maxMemoryMib", "32768", "monthlyBudget", "20000.00")),
                302, 403, 403, 403, 403);
        add("POST /console/departments/{dept}/members", (c, d) -> c.post("/console/departments/" + d + "/members",
                Map.of("username", "staff-civil", "role", "STAFF")), 302, 403, 403, 403, 403);
        add("POST /console/departments/{dept}/members/remove", (c, d) -> c.post(
                        "/console/departments/" + d + "/members/remove", Map.of("username", "nobody", "role", "STAFF")),
                302, 403, 403, 403, 403);
        add("GET /console/audit", (c, d) -> c.get("/console/audit"), 200, 403, 403, 403, 302);
        add("GET /console/signed-out", (c, d) -> c.get("/console/signed-out"), 200, 200, 200, 200, 200);
        add("GET /sign-in-unavailable", (c, d) -> c.get("/sign-in-unavailable"), 503, 503, 503, 503, 503);

        // ---- catalog
        add("GET /api/v1/catalog", (c, d) -> c.api("GET", "/api/v1/catalog", null), 200, 200, 200, 200, 401);
        add("GET /api/v1/catalog/{template}", (c, d) -> c.api("GET", "/api/v1/catalog/notice-board", null),
                200, 200, 200, 200, 401);
        add("GET /console/catalog", (c, d) -> c.get("/console/catalog"), 200, 200, 200, 200, 302);
        add("GET /console/catalog/{template}", (c, d) -> c.get("/console/catalog/notice-board"), 200, 200, 200, 200, 302);
        add("POST /console/catalog/{template}/enabled", (c, d) -> c.post("/console/catalog/notice-board/enabled",
                Map.of("enabled", "true")), 302, 403, 403, 403, 403);
        add("PATCH /api/v1/catalog/{template}", (c, d) -> c.api("PATCH", "/api/v1/catalog/notice-board",
                "{\"enabled\": true}"), 200, 403, 403, 403, 401);
        add("PATCH /api/v1/catalog/{template}/versions/{version}", (c, d) -> c.api("PATCH",
                "/api/v1/catalog/notice-board/versions/1.0.0", "{\"enabled\": true}"), 200, 403, 403, 403, 401);

        // ---- apps (the shared app MATRIX_APP has 0 instances: operating it starts no process)
        String apps = "/api/v1/departments/";
        add("GET /api/v1/departments/{dept}/apps", (c, d) -> c.api("GET", apps + d + "/apps", null),
                200, 200, 200, 200, 401);
        add("POST /api/v1/departments/{dept}/apps", (c, d) -> c.api("POST", apps + d + "/apps", newAppJson()),
                202, 403, 202, 403, 401);
        add("GET /api/v1/departments/{dept}/apps/{app}", (c, d) -> c.api("GET", apps + d + "/apps/" + MATRIX_APP, null),
                200, 200, 200, 200, 401);
        add("PATCH /api/v1/departments/{dept}/apps/{app}", (c, d) -> c.api("PATCH", apps + d + "/apps/" + MATRIX_APP,
                "{\"instances\": 0}"), 202, 403, 202, 403, 401);
        for (String action : List.of("stop", "start", "restart")) {
            add("POST /api/v1/departments/{dept}/apps/{app}/" + action,
                    (c, d) -> c.api("POST", apps + d + "/apps/" + MATRIX_APP + "/" + action, null), 202, 403, 202, 403, 401);
        }
        add("DELETE /api/v1/departments/{dept}/apps/{app}", (c, d) -> c.api("DELETE",
                apps + d + "/apps/" + fixtures.disposableApp(d), null), 202, 403, 202, 403, 401);
        add("GET /api/v1/departments/{dept}/retained-databases",
                (c, d) -> c.api("GET", apps + d + "/retained-databases", null), 200, 200, 200, 200, 401);
        // No such database: whoever may purge learns only that (404); the others are refused first.
        add("DELETE /api/v1/departments/{dept}/retained-databases/{id}",
                (c, d) -> c.api("DELETE", apps + d + "/retained-databases/999999999", null), 404, 403, 404, 403, 401);
        add("GET /api/v1/departments/{dept}/apps/{app}/events",
                (c, d) -> c.api("GET", apps + d + "/apps/" + MATRIX_APP + "/events", null), 200, 200, 200, 200, 401);
        add("GET /api/v1/departments/{dept}/apps/{app}/logs",
                (c, d) -> c.api("GET", apps + d + "/apps/" + MATRIX_APP + "/logs", null), 200, 403, 200, 403, 401);

        String console = "/console/departments/";
        add("GET /console/departments/{dept}/apps", (c, d) -> c.get(console + d + "/apps"), 200, 200, 200, 200, 302);
        add("GET /console/departments/{dept}/apps/{app}", (c, d) -> c.get(console + d + "/apps/" + MATRIX_APP),
                200, 200, 200, 200, 302);
        add("GET /console/departments/{dept}/apps/{app}/live", (c, d) -> c.get(console + d + "/apps/" + MATRIX_APP
                + "/live"), 200, 200, 200, 200, 302);
        add("POST /console/departments/{dept}/apps/{app}/scale", (c, d) -> c.post(console + d + "/apps/" + MATRIX_APP
                + "/scale", Map.of("instances", "0", "memoryMb", "256")), 302, 403, 302, 403, 403);
        for (String action : List.of("stop", "start", "restart")) {
            add("POST /console/departments/{dept}/apps/{app}/" + action, (c, d) -> c.post(console + d + "/apps/"
                    + MATRIX_APP + "/" + action, Map.of()), 302, 403, 302, 403, 403);
        }
        add("GET /console/departments/{dept}/apps/{app}/output", (c, d) -> c.get(console + d + "/apps/" + MATRIX_APP
                + "/output"), 200, 403, 200, 403, 302);
        add("GET /console/departments/{dept}/apps/{app}/settings", (c, d) -> c.get(console + d + "/apps/" + MATRIX_APP
                + "/settings"), 200, 403, 200, 403, 302);
        add("POST /console/departments/{dept}/apps/{app}/settings", (c, d) -> c.post(console + d + "/apps/" + MATRIX_APP
                + "/settings", Map.of("version", "1.1.0", "shown", "1.1.0", "param.title", "Matrix")),
                302, 403, 302, 403, 403);
        add("POST /console/departments/{dept}/apps/{app}/delete", (c, d) -> c.post(console + d + "/apps/"
                + fixtures.disposableApp(d) + "/delete", Map.of()), 302, 403, 302, 403, 403);
        add("POST /console/departments/{dept}/apps/retained-databases/{id}/purge", (c, d) -> c.post(console + d
                + "/apps/retained-databases/999999999/purge", Map.of("confirm", "true")), 404, 403, 404, 403, 403);
        add("GET /console/deploy/{template}", (c, d) -> c.get("/console/deploy/notice-board"), 200, 200, 200, 200, 302);
        add("POST /console/deploy/{template}", (c, d) -> c.post("/console/deploy/notice-board", Map.of("dept", d,
                "name", uniqueCode(), "version", "1.0.0", "instances", "0", "memoryMb", "256",
                "param.title", "Matrix")), 302, 403, 302, 403, 403);

        // ---- metering and chargeback (a past month no test closes: its statement is OPEN, rated live)
        String past = "/statements/" + OPEN_PERIOD;
        add("GET /api/v1/departments/{dept}/usage", (c, d) -> c.api("GET", apps + d + "/usage", null),
                200, 200, 200, 200, 401);
        add("GET /api/v1/departments/{dept}/budget", (c, d) -> c.api("GET", apps + d + "/budget", null),
                200, 200, 200, 200, 401);
        add("GET /api/v1/departments/{dept}/statements", (c, d) -> c.api("GET", apps + d + "/statements", null),
                200, 200, 200, 200, 401);
        add("GET /api/v1/departments/{dept}/statements/{period}", (c, d) -> c.api("GET", apps + d + past, null),
                200, 200, 200, 200, 401);
        add("GET /api/v1/departments/{dept}/statements/{period}.csv", (c, d) -> c.api("GET", apps + d + past + ".csv",
                null), 200, 200, 200, 200, 401);
        add("GET /api/v1/departments/{dept}/statements/{period}.pdf", (c, d) -> c.api("GET", apps + d + past + ".pdf",
                null), 200, 200, 200, 200, 401);
        // Only a department's admin answers (none in this matrix); the IT office resolves, but the month is not issued: 400.
        for (String action : List.of("approve", "dispute")) {
            add("POST /api/v1/departments/{dept}/statements/{period}/" + action, (c, d) -> c.api("POST",
                    apps + d + past + "/" + action, "{\"comment\": \"matrix\"}"), 403, 403, 403, 403, 401);
        }
        add("POST /api/v1/departments/{dept}/statements/{period}/resolve", (c, d) -> c.api("POST",
                apps + d + past + "/resolve", "{\"amount\": 0, \"comment\": \"matrix\"}"), 403, 400, 403, 403, 401);
        add("GET /api/v1/statements", (c, d) -> c.api("GET", "/api/v1/statements?period=" + OPEN_PERIOD, null),
                200, 200, 403, 403, 401);
        // The current month has not ended: the IT office is refused with a field error, nothing closes.
        add("POST /api/v1/statements/{period}/close", (c, d) -> c.api("POST", "/api/v1/statements/" + currentMonth()
                + "/close", null), 403, 400, 403, 403, 401);
        add("GET /api/v1/rate-cards", (c, d) -> c.api("GET", "/api/v1/rate-cards", null), 200, 200, 200, 200, 401);
        // A card from the 15th is refused (400) after the role check: the matrix creates no card.
        add("POST /api/v1/rate-cards", (c, d) -> c.api("POST", "/api/v1/rate-cards", BAD_RATE_CARD),
                400, 403, 403, 403, 401);

        add("GET /console/chargeback", (c, d) -> c.get("/console/chargeback"), 200, 200, 302, 302, 302);
        add("POST /console/chargeback/close", (c, d) -> c.post("/console/chargeback/close",
                Map.of("period", currentMonth())), 403, 302, 403, 403, 403);
        add("GET /console/departments/{dept}/usage", (c, d) -> c.get(console + d + "/usage"), 200, 200, 200, 200, 302);
        add("GET /console/departments/{dept}/statements", (c, d) -> c.get(console + d + "/statements"),
                200, 200, 200, 200, 302);
        add("GET /console/departments/{dept}/statements/{period}", (c, d) -> c.get(console + d + past),
                200, 200, 200, 200, 302);
        add("GET /console/departments/{dept}/statements/{period}.csv", (c, d) -> c.get(console + d + past + ".csv"),
                200, 200, 200, 200, 302);
        add("GET /console/departments/{dept}/statements/{period}.pdf", (c, d) -> c.get(console + d + past + ".pdf"),
                200, 200, 200, 200, 302);
        for (String action : List.of("approve", "dispute")) {
            add("POST /console/departments/{dept}/statements/{period}/" + action, (c, d) -> c.post(console + d + past
                    + "/" + action, Map.of("comment", "matrix")), 403, 403, 403, 403, 403);
        }
        add("POST /console/departments/{dept}/statements/{period}/resolve", (c, d) -> c.post(console + d + past
                + "/resolve", Map.of("amount", "0", "comment", "matrix")), 403, 302, 403, 403, 403);
        add("GET /console/rate-cards", (c, d) -> c.get("/console/rate-cards"), 200, 200, 200, 200, 302);
        add("POST /console/rate-cards", (c, d) -> c.post("/console/rate-cards", Map.of("validFrom", "2099-01-15",
                "vcpuHour", "1", "memoryGibHour", "1", "storageGibMonth", "1", "thousandRequests", "1", "taxRate", "0.06")),
                200, 403, 403, 403, 403);

        // ---- citizen portal
        add("GET /", (c, d) -> c.get("/"), 200, 200, 200, 200, 200);
    }

    static String currentMonth() {
        return java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
    }

    static String newAppJson() {
        return """
                {"name": "%s", "template": "notice-board", "instances": 0, "parameters": {"title": "Matrix"}}"""
                .formatted(uniqueCode());
    }

    private static void add(String key, BiFunction<StaffClient, String, HttpResponse<String>> call,
                            int admin, int itOffice, int developer, int staff, int anonymous) {
        Map<Role, Integer> expected = new EnumMap<>(Role.class);
        expected.put(PLATFORM_ADMIN, admin);
        expected.put(IT_OFFICE, itOffice);
        expected.put(DEVELOPER, developer);
        expected.put(STAFF, staff);
        expected.put(ANONYMOUS, anonymous);
        ALL.put(key, new Endpoint(key, new Call(call), expected));
    }

    static String newDepartmentJson() {
        return """
                {"code": "%s", "nameZh": "矩阵测试", "nameEn": "Matrix test", "maxApps": 1, "maxInstances": 1,
                 "maxMemoryMib": 512, "monthlyBudget": 100.00}""".formatted(uniqueCode());
    }

    static Map<String, String> newDepartmentForm() {
        return Map.of("code", uniqueCode(), "nameZh", "矩阵测试", "nameEn", "Matrix test", "maxApps", "1",
                "maxInstances", "1", "maxMemoryMib", "512", "monthlyBudget", "100.00");
    }

    private static String uniqueCode() {
        return "m-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private Endpoints() {
    }
}
