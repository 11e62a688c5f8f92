package org.govpaas.platform.bench;

import java.net.http.HttpResponse;
import java.util.UUID;
import org.govpaas.platform.testing.StaffClient;

/**
 * A department of a benchmark's own, made through the API by a platform admin, with room for
 * every app a benchmark deploys.
 */
record BenchDepartment(StaffClient admin, String code) {

    static BenchDepartment create(StaffClient admin) {
        String code = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.api("POST", "/api/v1/departments", """
                {"code": "%s", "nameZh": "基准测试", "nameEn": "Benchmark", "maxApps": 30, "maxInstances": 30,
                 "maxMemoryMib": 16384, "monthlyBudget": 100000.00}""".formatted(code));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.body());
        }
        return new BenchDepartment(admin, code);
    }

    /** Asks for a deploy of the template's newest version with its defaults (permits runs sandboxed only). */
    void deploy(String name, String template) {
        HttpResponse<String> accepted = admin.api("POST", "/api/v1/departments/" + code + "/apps",
                "{\"name\": \"" + name + "\", \"template\": \"" + template + "\""
                        + (template.equals("permits") ? ", \"isolation\": \"process-sandboxed\"" : "") + "}");
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(accepted.body());
        }
    }

    /**
     * Deletes the app with its data and waits until it is gone, so that its teardown (the
     * database dropped, the sign-in clients removed) is not counted in what is measured next.
     */
    void deleteAndAwait(String name) throws InterruptedException {
        String app = "/api/v1/departments/" + code + "/apps/" + name;
        admin.api("DELETE", app + "?purgeData=true", null);
        for (int i = 0; i < 600 && admin.api("GET", app, null).statusCode() != 404; i++) {
            Thread.sleep(100);
        }
    }
}
