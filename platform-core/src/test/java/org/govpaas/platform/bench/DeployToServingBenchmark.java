package org.govpaas.platform.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.govpaas.platform.testing.TestArtifacts;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.test.context.TestPropertySource;

/**
 * Deploy-to-serving: from the API's POST to the first 200 through the gateway, for the sample
 * app, beside the sample app's own JVM start-up (launch to first 200 on its readiness endpoint)
 * without and with the startup cache, all in the same run. A warm-up deploy comes first and the
 * benchmark waits for its jar's startup cache, as a platform that has run the app once would have.
 * Not a test: run with {@code ./govpaas bench deploy}; figures go to bench/deploy/README.md.
 */
@Tag("benchmark")
@TestPropertySource(properties = "govpaas.runtime.local.startup-cache=true")
class DeployToServingBenchmark extends PlatformIntegrationTest {

    static final int RUNS = 5;
    final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Environment environment;

    @Test
    void deployToServing() throws Exception {
        StaffClient admin = as("platform-admin");
        String dept = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        admin.api("POST", "/api/v1/departments", """
                {"code": "%s", "nameZh": "基准测试", "nameEn": "Benchmark", "maxApps": 10, "maxInstances": 10,
                 "maxMemoryMib": 8192, "monthlyBudget": 1.00}""".formatted(dept));
        deployAndAwait(admin, dept, "warm-up");
        Path cache = awaitStartupCache();

        List<Long> deploy = new ArrayList<>();
        List<Long> jvm = new ArrayList<>();
        List<Long> cachedJvm = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            jvm.add(standaloneStartMillis(List.of(), sampleJar()));
            Path extracted = cache.resolve(Files.readString(cache.resolve("ready")).strip());
            cachedJvm.add(standaloneStartMillis(List.of("-XX:AOTCache=" + cache.resolve("app.aot")), extracted));
            String name = "run-" + run;
            long t0 = System.nanoTime();
            HttpResponse<String> accepted = admin.api("POST", "/api/v1/departments/" + dept + "/apps",
                    "{\"name\": \"" + name + "\", \"template\": \"notice-board\"}");
            if (accepted.statusCode() != 202) {
                throw new IllegalStateException(accepted.body());
            }
            URI url = URI.create(baseUrl() + "/apps/" + dept + "/" + name + "/");
            while (status(url) != 200) {
                Thread.sleep(20);
            }
            deploy.add((System.nanoTime() - t0) / 1_000_000);
            admin.api("DELETE", "/api/v1/departments/" + dept + "/apps/" + name + "?purgeData=true", null);
        }
        String report = "deploy-to-serving ms (startup cache ready): " + deploy + " median " + median(deploy) + "\n"
                + "sample app JVM start-up ms, plain: " + jvm + " median " + median(jvm) + "\n"
                + "sample app JVM start-up ms, startup cache: " + cachedJvm + " median " + median(cachedJvm) + "\n"
                + "ratio (deploy / cached JVM start-up): "
                + String.format("%.2f", (double) median(deploy) / median(cachedJvm)) + "\n";
        System.out.print(report);
        Files.writeString(Path.of("target", "deploy-to-serving.txt"), report);
    }

    private void deployAndAwait(StaffClient admin, String dept, String name) throws InterruptedException {
        HttpResponse<String> accepted = admin.api("POST", "/api/v1/departments/" + dept + "/apps",
                "{\"name\": \"" + name + "\", \"template\": \"notice-board\"}");
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(accepted.body());
        }
        URI url = URI.create(baseUrl() + "/apps/" + dept + "/" + name + "/");
        while (status(url) != 200) {
            Thread.sleep(20);
        }
    }

    /** The folder of the sample jar's startup cache, once its background training has finished. */
    private Path awaitStartupCache() throws IOException, InterruptedException {
        Path root = Path.of(environment.getProperty("govpaas.data-dir"), "apps", ".startup-cache");
        for (int i = 0; i < 600; i++) {
            if (Files.isDirectory(root)) {
                try (var dirs = Files.list(root)) {
                    var ready = dirs.filter(d -> Files.isRegularFile(d.resolve("ready"))).findFirst();
                    if (ready.isPresent()) {
                        return ready.get();
                    }
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no startup cache under " + root + " after 10 minutes");
    }

    private static Path sampleJar() {
        return TestArtifacts.repository().resolve(
                "org/govpaas/apps/notice-board/0.1.0-SNAPSHOT/notice-board-0.1.0-SNAPSHOT.jar");
    }

    /** The sample app alone: {@code java -jar} to the first 200 on its readiness endpoint. */
    private long standaloneStartMillis(List<String> cacheFlags, Path jar) throws IOException, InterruptedException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(cacheFlags);
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().put("SERVER_PORT", String.valueOf(port));
        builder.environment().put("SERVER_ADDRESS", "127.0.0.1");
        long t0 = System.nanoTime();
        Process process = builder.start();
        try {
            URI ready = URI.create("http://127.0.0.1:" + port + "/actuator/health/readiness");
            while (status(ready) != 200) {
                Thread.sleep(20);
            }
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private int status(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
