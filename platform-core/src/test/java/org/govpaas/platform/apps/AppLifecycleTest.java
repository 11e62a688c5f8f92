package org.govpaas.platform.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The platform's main job, end to end: deploy the real sample app from the catalog through the
 * API, watch it come up on the local runtime, use it through the gateway as a citizen, scale,
 * stop, start and delete it.
 */
class AppLifecycleTest extends PlatformIntegrationTest {

    static final Duration UP = Duration.ofSeconds(120);

    @Autowired
    JdbcTemplate jdbc;

    StaffClient admin;
    String dept;

    @BeforeEach
    void freshDepartment() {
        admin = as("platform-admin");
        dept = "lc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.api("POST", "/api/v1/departments", """
                {"code": "%s", "nameZh": "生命周期测试", "nameEn": "Lifecycle test", "maxApps": 2, "maxInstances": 3,
                 "maxMemoryMib": 1024, "monthlyBudget": 100.00}""".formatted(dept));
        assertThat(created.statusCode()).isEqualTo(201);
    }

    @Test
    void deployUseScaleStopStartAndDelete() {
        HttpResponse<String> deployed = admin.api("POST", apps(), """
                {"name": "notices", "template": "notice-board",
                 "parameters": {"title": "区政务公告", "welcome": "<script>alert(1)</script>"}}""");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
        assertThat(deployed.headers().firstValue("Location")).hasValue(apps() + "/notices");
        assertThat(deployed.body()).contains("\"generation\":1", "\"url\":\"" + baseUrl() + "/apps/" + dept + "/notices/\"");

        awaitState("notices", "RUNNING", 1);
        HttpResponse<String> page = anonymous().get("/apps/" + dept + "/notices/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("区政务公告").contains("&lt;script&gt;").doesNotContain("<script>alert");

        assertThat(admin.api("PATCH", apps() + "/notices", "{\"instances\": 2}").statusCode()).isEqualTo(202);
        awaitState("notices", "RUNNING", 2);

        assertThat(admin.api("POST", apps() + "/notices/stop", null).statusCode()).isEqualTo(202);
        awaitState("notices", "STOPPED", 0);
        assertThat(anonymous().get("/apps/" + dept + "/notices/").statusCode()).isEqualTo(503);

        assertThat(admin.api("POST", apps() + "/notices/start", null).statusCode()).isEqualTo(202);
        awaitState("notices", "RUNNING", 2);

        // A restart changes nothing but still replaces both instances: their output shows new ones.
        HttpResponse<String> restarted = admin.api("POST", apps() + "/notices/restart", null);
        assertThat(restarted.statusCode()).isEqualTo(202);
        String generation = restarted.body().replaceAll(".*\"generation\":(\\d+).*", "$1");
        await().atMost(UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            assertThat(admin.api("GET", apps() + "/notices", null).body())
                    .contains("\"state\":\"RUNNING\"", "\"readyInstances\":2", "\"observedGeneration\":" + generation);
            assertThat(admin.api("GET", apps() + "/notices/logs?tail=400", null).body())
                    .contains("\"instance\":\"0-g" + generation + "\"", "\"instance\":\"1-g" + generation + "\"");
        });

        String events = admin.api("GET", apps() + "/notices/events", null).body();
        assertThat(events).contains("\"type\":\"CREATED\"", "\"type\":\"RUNNING\"", "\"type\":\"STOPPED\"");
        assertThat(admin.api("GET", apps() + "/notices/logs?tail=50", null).body()).contains("notices");

        HttpResponse<String> deleting = admin.api("DELETE", apps() + "/notices", null);
        assertThat(deleting.statusCode()).isEqualTo(202);
        assertThat(deleting.body()).as("the delete is reported at once, not as a running app")
                .contains("\"state\":\"DELETING\"", "\"readyInstances\":0");
        await().atMost(UP).untilAsserted(() ->
                assertThat(admin.api("GET", apps() + "/notices", null).statusCode()).isEqualTo(404));
        assertThat(anonymous().get("/apps/" + dept + "/notices/").statusCode()).isEqualTo(404);
        assertThat(jdbc.queryForObject("select count(*) from app_event e join department d on d.id = e.department_id "
                + "where d.code = ? and e.type = 'DELETED'", Integer.class, dept)).isEqualTo(1);
        assertThat(jdbc.queryForList("select action from audit_event a join department d on d.id = a.department_id "
                + "where d.code = ? order by a.id", String.class, dept))
                .contains("APP_DEPLOYED", "APP_CHANGED", "APP_STOPPED", "APP_STARTED", "APP_RESTARTED", "APP_DELETED");
    }

    @Test
    void upgradingWithTwoInstancesKeepsServingThroughout() throws Exception {
        HttpResponse<String> deployed = admin.api("POST", apps(), """
                {"name": "notices", "template": "notice-board", "version": "1.0.0", "instances": 2,
                 "parameters": {"title": "升级前"}}""");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
        awaitState("notices", "RUNNING", 2);

        // A citizen keeps reloading the page during the whole upgrade.
        java.util.List<Integer> seen = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicBoolean upgrading = new java.util.concurrent.atomic.AtomicBoolean(true);
        Thread citizen = Thread.ofVirtual().start(() -> {
            while (upgrading.get()) {
                seen.add(anonymous().get("/apps/" + dept + "/notices/").statusCode());
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        HttpResponse<String> upgraded = admin.api("PATCH", apps() + "/notices", """
                {"version": "1.1.0", "parameters": {"title": "升级后", "contact": "咨询电话 12345"}}""");
        assertThat(upgraded.statusCode()).as(upgraded.body()).isEqualTo(202);
        await().atMost(UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String body = admin.api("GET", apps() + "/notices", null).body();
            assertThat(body).contains("\"version\":\"1.1.0\"", "\"state\":\"RUNNING\"", "\"readyInstances\":2",
                    "\"observedGeneration\":2");
        });
        // Both instances now run the new generation: every page shows the new version's line.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (int i = 0; i < 4; i++) {
                assertThat(anonymous().get("/apps/" + dept + "/notices/").body()).contains("升级后", "咨询电话 12345");
            }
        });
        upgrading.set(false);
        citizen.join();
        assertThat(seen).isNotEmpty().allMatch(status -> status == 200);
        assertThat(admin.api("GET", apps() + "/notices/events", null).body()).contains("1.1.0");
    }

    @Test
    void badInputIsRefusedWithFieldErrorsAndStoresNothing() {
        String[][] cases = {
                {"unknown template", "{\"name\": \"a1\", \"template\": \"no-such\"}", "template"},
                {"unknown version", "{\"name\": \"a1\", \"template\": \"notice-board\", \"version\": \"9.9\"}", "version"},
                {"name not a DNS label", "{\"name\": \"Bad_Name\", \"template\": \"notice-board\"}", "name"},
                {"name too long", "{\"name\": \"" + "a".repeat(41) + "\", \"template\": \"notice-board\"}", "name"},
                {"reserved name", "{\"name\": \"console\", \"template\": \"notice-board\"}", "name"},
                {"path traversal", "{\"name\": \"../x\", \"template\": \"notice-board\"}", "name"},
                {"over the template's max", "{\"name\": \"a1\", \"template\": \"notice-board\", \"instances\": 4}", "instances"},
                {"memory over the template's max", "{\"name\": \"a1\", \"template\": \"notice-board\", \"memoryMb\": 2048}",
                        "memoryMb"},
                {"memory under the template's min", "{\"name\": \"a1\", \"template\": \"notice-board\", \"memoryMb\": 128}",
                        "memoryMb"},
                {"over the quota", "{\"name\": \"a1\", \"template\": \"notice-board\", \"memoryMb\": 1024, \"instances\": 2}",
                        "memoryMb"},
                {"isolation not allowed", "{\"name\": \"a1\", \"template\": \"notice-board\", \"isolation\": \"dedicated\"}",
                        "isolation"},
                {"parameter too long", "{\"name\": \"a1\", \"template\": \"notice-board\", \"parameters\": {\"title\": \""
                        + "x".repeat(101) + "\"}}", "parameters.title"},
                {"unknown parameter", "{\"name\": \"a1\", \"template\": \"notice-board\", \"parameters\": {\"evil\": 1}}",
                        "parameters"},
                {"control character in a parameter", "{\"name\": \"a1\", \"template\": \"notice-board\", "
                        + "\"parameters\": {\"title\": \"a\\u0000b\"}}", "parameters.title"},
                {"enum violation", "{\"name\": \"a1\", \"template\": \"notice-board\", \"parameters\": {\"theme\": \"pink\"}}",
                        "parameters.theme"},
                {"wrong type", "{\"name\": \"a1\", \"template\": \"notice-board\", \"instances\": \"two\"}", null},
                {"malformed JSON", "{\"name\": ", null},
        };
        for (String[] c : cases) {
            HttpResponse<String> response = admin.api("POST", apps(), c[1]);
            assertThat(response.statusCode()).as(c[0] + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(c[0]).doesNotContain("Exception", "at org.");
            if (c[2] != null) {
                assertThat(response.body()).as(c[0]).contains("\"field\":\"" + c[2]);
            }
        }
        assertThat(jdbc.queryForObject("select count(*) from app a join department d on d.id = a.department_id "
                + "where d.code = ?", Integer.class, dept)).isZero();

        // Changes of an app that exists: refused the same way, its desired state and generation untouched.
        assertThat(admin.api("POST", apps(), "{\"name\": \"kept\", \"template\": \"notice-board\", \"instances\": 0}")
                .statusCode()).isEqualTo(202);
        String[][] changes = {
                {"POST", "", "{\"name\": \"kept\", \"template\": \"notice-board\"}", "name"},
                {"PATCH", "/kept", "{\"instances\": 4}", "instances"},
                {"PATCH", "/kept", "{\"memoryMb\": 2048}", "memoryMb"},
                {"PATCH", "/kept", "{\"memoryMb\": 128}", "memoryMb"},
                {"PATCH", "/kept", "{\"isolation\": \"dedicated\"}", "isolation"},
                {"PATCH", "/kept", "{\"version\": \"9.9\"}", "version"},
                {"PATCH", "/kept", "{\"parameters\": {\"title\": \"x\", \"theme\": \"pink\"}}", "parameters.theme"},
                {"PATCH", "/kept", "{\"parameters\": {\"title\": \"a\\u0007b\"}}", "parameters.title"},
        };
        for (String[] c : changes) {
            HttpResponse<String> response = admin.api(c[0], apps() + c[1], c[2]);
            assertThat(response.statusCode()).as(c[2] + ": " + response.body()).isEqualTo(400);
            assertThat(response.body()).as(c[2]).contains("\"field\":\"" + c[3]).doesNotContain("Exception");
        }
        assertThat(jdbc.queryForMap("select a.generation, a.instances, a.memory_mb, a.template_version from app a "
                + "join department d on d.id = a.department_id where d.code = ? and a.name = 'kept'", dept))
                .containsEntry("generation", 1L).containsEntry("instances", 0).containsEntry("memory_mb", 256)
                .containsEntry("template_version", "1.1.0");
        // Another tier the runtime gives is a change like any other (a sandbox gone after a restart
        // must not leave an app that can only be deleted).
        HttpResponse<String> plain = admin.api("PATCH", apps() + "/kept", "{\"isolation\": \"process\"}");
        assertThat(plain.statusCode()).as(plain.body()).isEqualTo(202);
        assertThat(plain.body()).contains("\"isolation\":\"process\"", "\"generation\":2");

        // The console says the same in the reader's language.
        java.util.Map<String, String> overQuota = java.util.Map.of("dept", dept, "name", "too-big", "version", "1.0.0",
                "instances", "2", "memoryMb", "1024", "param.title", "x");
        assertThat(admin.post("/console/deploy/notice-board?lang=zh-CN", overQuota).body()).contains("部门配额允许 1,024 MiB");
        assertThat(admin.post("/console/deploy/notice-board?lang=en", overQuota).body())
                .contains("The department&#39;s quota allows 1,024 MiB");
        java.util.Map<String, String> badParameter = java.util.Map.of("dept", dept, "name", "long-title", "version", "1.0.0",
                "instances", "1", "memoryMb", "256", "param.title", "x".repeat(101));
        assertThat(admin.post("/console/deploy/notice-board?lang=zh-CN", badParameter).body()).contains("最多 100 个字符");
        java.util.Map<String, String> tooSmall = java.util.Map.of("dept", dept, "name", "too-small", "version", "1.0.0",
                "instances", "1", "memoryMb", "128", "param.title", "x");
        assertThat(admin.post("/console/deploy/notice-board?lang=zh-CN", tooSmall).body()).contains("不能小于 256（该版本的下限）");
        assertThat(admin.post("/console/deploy/notice-board?lang=en", badParameter).body())
                .contains("must be at most 100 characters");

        // Another version chosen in a form shown for the newest: its own form, nothing deployed.
        String switched = admin.post("/console/deploy/notice-board?lang=en", java.util.Map.of("dept", dept, "name", "older",
                "version", "1.0.0", "shown", "1.1.0", "instances", "1", "memoryMb", "256", "param.title", "旧版",
                "param.contact", "12345")).body();
        assertThat(switched).contains("These are the limits and settings of version 1.0.0", "value=\"older\"",
                "value=\"旧版\"").doesNotContain("name=\"param.contact\"");
        assertThat(admin.post("/console/deploy/notice-board?lang=en", java.util.Map.of("dept", dept, "name", "gone",
                "version", "9.9", "shown", "1.1.0", "param.title", "x")).body()).contains("No enabled version 9.9 of notice-board");
        assertThat(jdbc.queryForObject("select count(*) from app a join department d on d.id = a.department_id "
                + "where d.code = ? and a.name in ('older', 'gone')", Integer.class, dept)).isZero();
    }

    @Test
    void aVersionTakenOutOfTheCatalogCannotBeDeployedButRunningAppsStay() {
        assertThat(admin.api("POST", apps(), "{\"name\": \"keeps\", \"template\": \"notice-board\", \"instances\": 0}")
                .statusCode()).isEqualTo(202);
        // 1.0.0 through the console, 1.1.0 through the API: the same switch.
        assertThat(admin.post("/console/catalog/notice-board/enabled", java.util.Map.of("version", "1.0.0",
                "enabled", "false")).statusCode()).isEqualTo(302);
        String version = "/api/v1/catalog/notice-board/versions/1.1.0";
        for (String bad : new String[] {"{}", "{\"enabled\": \"maybe\"}"}) {
            HttpResponse<String> refused = admin.api("PATCH", version, bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.body()).as(bad).doesNotContain("Exception");
        }
        assertThat(admin.api("PATCH", "/api/v1/catalog/notice-board/versions/9.9.9", "{\"enabled\": false}")
                .statusCode()).isEqualTo(404);
        assertThat(as("dev-civil").api("PATCH", version, "{\"enabled\": false}").statusCode()).isEqualTo(403);
        assertThat(admin.api("GET", "/api/v1/catalog/notice-board", null).body())
                .as("refused switches changed nothing").contains("\"version\":\"1.1.0\",\"enabled\":true");
        HttpResponse<String> off = admin.api("PATCH", version, "{\"enabled\": false}");
        assertThat(off.statusCode()).isEqualTo(200);
        assertThat(off.body()).contains("\"id\":\"notice-board\"", "\"version\":\"1.1.0\",\"enabled\":false");
        try {
            HttpResponse<String> refused = admin.api("POST", apps(), "{\"name\": \"new-one\", \"template\": \"notice-board\"}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"version\"");
            assertThat(as("dev-civil").api("GET", "/api/v1/catalog", null).body()).doesNotContain("notice-board");
            assertThat(admin.api("GET", "/api/v1/catalog", null).body()).contains("\"enabled\":false");
            assertThat(admin.api("GET", apps() + "/keeps", null).statusCode()).isEqualTo(200);
        } finally {
            admin.post("/console/catalog/notice-board/enabled", java.util.Map.of("version", "1.0.0", "enabled", "true"));
            admin.api("PATCH", version, "{\"enabled\": true}");
        }
        assertThat(admin.api("POST", apps(), "{\"name\": \"new-one\", \"template\": \"notice-board\", \"instances\": 0}")
                .statusCode()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'CATALOG_CHANGED'", Integer.class))
                .isGreaterThanOrEqualTo(2);
    }

    /** The console's settings form: another version's fields first, then the upgrade; bad input changes nothing. */
    @Test
    void aDeveloperUpgradesAndChangesSettingsInTheConsole() {
        assertThat(admin.api("POST", apps(), """
                {"name": "board", "template": "notice-board", "version": "1.0.0", "instances": 0,
                 "parameters": {"title": "旧标题", "theme": "dark"}}""").statusCode()).isEqualTo(202);
        String settings = "/console/departments/" + dept + "/apps/board/settings?lang=en";

        String page = admin.get(settings).body();
        assertThat(page).contains("It runs version 1.0.0", "value=\"旧标题\"").doesNotContain("name=\"param.contact\"");

        String switched = admin.post(settings, java.util.Map.of("version", "1.1.0", "shown", "1.0.0",
                "param.title", "新标题", "param.theme", "dark")).body();
        assertThat(switched).contains("These are the limits and settings of version 1.1.0", "value=\"新标题\"",
                "name=\"param.contact\"");
        assertThat(admin.post(settings, java.util.Map.of("version", "1.1.0", "shown", "1.1.0",
                "param.title", "x".repeat(101))).body()).contains("must be at most 100 characters");
        assertThat(admin.api("GET", apps() + "/board", null).body()).contains("\"version\":\"1.0.0\"", "\"generation\":1");

        HttpResponse<String> applied = admin.post(settings, java.util.Map.of("version", "1.1.0", "shown", "1.1.0",
                "param.title", "新标题", "param.theme", "dark", "param.contact", "咨询电话 12345"));
        assertThat(applied.statusCode()).isEqualTo(302);
        assertThat(admin.api("GET", apps() + "/board", null).body()).contains("\"version\":\"1.1.0\"",
                "\"generation\":2", "\"title\":\"新标题\"", "\"contact\":\"咨询电话 12345\"");

        // The tier is offered with the app's own chosen; another one is a change like the rest.
        String isolation = admin.api("GET", apps() + "/board", null).body().replaceAll(
                "(?s).*?\"isolation\":\"([a-z-]+)\".*", "$1");
        assertThat(admin.get(settings).body()).contains("<option value=\"" + isolation + "\" selected=\"selected\"");
        assertThat(admin.post(settings, java.util.Map.of("version", "1.1.0", "shown", "1.1.0", "isolation", "dedicated",
                "param.title", "新标题")).body()).contains("does not allow isolation tier dedicated");
        assertThat(admin.post(settings, java.util.Map.of("version", "1.1.0", "shown", "1.1.0", "isolation", "process",
                "param.title", "新标题", "param.theme", "dark", "param.contact", "咨询电话 12345")).statusCode())
                .isEqualTo(302);
        assertThat(admin.api("GET", apps() + "/board", null).body()).contains("\"isolation\":\"process\"");
    }

    /** An admin lowered the quota below what runs: the department can shrink back, not grow. */
    @Test
    void overALoweredQuotaAnAppCanShrinkButNotGrow() {
        assertThat(admin.api("POST", apps(), "{\"name\": \"big\", \"template\": \"notice-board\", \"memoryMb\": 512}")
                .statusCode()).isEqualTo(202);
        assertThat(admin.api("PATCH", "/api/v1/departments/" + dept, "{\"maxMemoryMib\": 256}").statusCode())
                .isEqualTo(200);

        HttpResponse<String> grow = admin.api("PATCH", apps() + "/big", "{\"memoryMb\": 640}");
        assertThat(grow.statusCode()).as(grow.body()).isEqualTo(400);
        assertThat(grow.body()).contains("\"field\":\"memoryMb\"", "quota allows 256 MiB");
        assertThat(admin.api("PATCH", apps() + "/big", "{\"instances\": 2}").statusCode()).isEqualTo(400);

        HttpResponse<String> shrink = admin.api("PATCH", apps() + "/big", "{\"memoryMb\": 384}");
        assertThat(shrink.statusCode()).as(shrink.body()).isEqualTo(202);
        assertThat(shrink.body()).contains("\"memoryMb\":384");
        HttpResponse<String> change = admin.api("PATCH", apps() + "/big", "{\"parameters\": {\"title\": \"仍然超额\"}}");
        assertThat(change.statusCode()).as("a change that does not grow: " + change.body()).isEqualTo(202);
    }

    @Test
    void concurrentDeploysNeverExceedTheQuota() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var results = new java.util.ArrayList<java.util.concurrent.Future<Integer>>();
        for (int i = 0; i < 8; i++) {
            String name = "race-" + i;
            results.add(pool.submit(() -> admin.api("POST", apps(), """
                    {"name": "%s", "template": "notice-board", "instances": 0}""".formatted(name)).statusCode()));
        }
        int accepted = 0;
        for (var result : results) {
            int status = result.get();
            assertThat(status).isIn(202, 400);
            accepted += status == 202 ? 1 : 0;
        }
        pool.shutdown();
        assertThat(accepted).isEqualTo(2);
        assertThat(jdbc.queryForObject("select count(*) from app a join department d on d.id = a.department_id "
                + "where d.code = ?", Integer.class, dept)).isEqualTo(2);
    }

    /** Two scale-ups at once, each within the quota alone, together beyond it: one is refused. */
    @Test
    void concurrentScaleUpsNeverExceedTheQuota() throws Exception {
        assertThat(admin.api("PATCH", "/api/v1/departments/" + dept, "{\"maxInstances\": 1}").statusCode()).isEqualTo(200);
        for (String name : java.util.List.of("left", "right")) {
            assertThat(admin.api("POST", apps(), """
                    {"name": "%s", "template": "notice-board", "instances": 0}""".formatted(name)).statusCode())
                    .isEqualTo(202);
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var left = pool.submit(() -> admin.api("PATCH", apps() + "/left", "{\"instances\": 1}").statusCode());
        var right = pool.submit(() -> admin.api("PATCH", apps() + "/right", "{\"instances\": 1}").statusCode());
        java.util.List<Integer> statuses = java.util.List.of(left.get(), right.get());
        pool.shutdown();

        assertThat(statuses).containsExactlyInAnyOrder(202, 400);
        assertThat(jdbc.queryForObject("select sum(a.instances) from app a join department d on d.id = a.department_id "
                + "where d.code = ?", Integer.class, dept)).isEqualTo(1);
    }

    private void awaitState(String app, String state, int ready) {
        await().atMost(UP).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            String body = admin.api("GET", apps() + "/" + app, null).body();
            assertThat(body).contains("\"state\":\"" + state + "\"", "\"readyInstances\":" + ready);
        });
    }

    private String apps() {
        return "/api/v1/departments/" + dept + "/apps";
    }
}
