package org.govpaas.platform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.govpaas.platform.testing.StaffClient;

/**
 * A department of a benchmark's own on the platform at {@code baseUrl}, made through the API by a
 * platform admin, with room for every app a benchmark deploys.
 */
record BenchDepartment(StaffClient admin, String code, String baseUrl) {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static BenchDepartment create(StaffClient admin, String baseUrl) {
        String code = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.api("POST", "/api/v1/departments", """
                {"code": "%s", "nameZh": "基准测试", "nameEn": "Benchmark", "maxApps": 30, "maxInstances": 30,
                 "maxMemoryMib": 16384, "monthlyBudget": 100000.00}""".formatted(code));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.body());
        }
        return new BenchDepartment(admin, code, baseUrl);
    }

    /**
     * Deploys the template's newest version with its defaults (permits runs sandboxed only) and
     * waits for the app's first 200 through the gateway: the milliseconds from the POST to it.
     */
    long deployAndAwait(String name, String template) throws InterruptedException {
        return deployAndAwait(name, template, null);
    }

    /** {@link #deployAndAwait(String, String)} with {@code memoryMb} per instance (null: the template's default). */
    long deployAndAwait(String name, String template, Integer memoryMb) throws InterruptedException {
        long t0 = System.nanoTime();
        deploy(name, template, memoryMb);
        URI url = URI.create(baseUrl + "/apps/" + code + "/" + name + "/");
        for (int i = 0; status(url) != 200; i++) {
            if (i == 15_000) {
                throw new IllegalStateException(name + " did not serve its page within 5 minutes");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** The status of a GET of {@code uri}; 0 while nothing answers there. */
    static int status(URI uri) {
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private void deploy(String name, String template, Integer memoryMb) {
        HttpResponse<String> accepted = admin.api("POST", "/api/v1/departments/" + code + "/apps",
                "{\"name\": \"" + name + "\", \"template\": \"" + template + "\""
                        + (template.equals("permits") ? ", \"isolation\": \"process-sandboxed\"" : "")
                        + (memoryMb == null ? "" : ", \"memoryMb\": " + memoryMb) + "}");
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
