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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * without and with the startup cache, all in the same run; then for each citizen service, beside
 * the start-up its own JVM reports in the deployed instance's log (it needs its database and
 * sign-in clients, so it is not started alone). A warm-up deploy of each app comes first and the
 * benchmark waits for its jar's startup cache, as a platform that has run the app once would have.
 * Not a test: run with {@code ./govpaas bench deploy}; figures go to bench/deploy/README.md.
 */
@Tag("benchmark")
@TestPropertySource(properties = "govpaas.runtime.local.startup-cache=true")
class DeployToServingBenchmark extends PlatformIntegrationTest {

    static final int RUNS = 5;
    static final List<String> CITIZEN_SERVICES = List.of("appointments", "permits", "hotline");
    /** Spring Boot's start-up line: "Started ... in 2.1 seconds (process running for 2.6)". */
    static final Pattern PROCESS_RUNNING = Pattern.compile("process running for ([0-9.]+)");
    final HttpClient http = HttpClient.newHttpClient();

    @Autowired
    Environment environment;

    @Test
    void deployToServing() throws Exception {
        StaffClient admin = as("platform-admin");
        String dept = "bench-" + UUID.randomUUID().toString().substring(0, 6);
        HttpResponse<String> created = admin.api("POST", "/api/v1/departments", """
                {"code": "%s", "nameZh": "基准测试", "nameEn": "Benchmark", "maxApps": 30, "maxInstances": 30,
                 "maxMemoryMib": 16384, "monthlyBudget": 100000.00}""".formatted(dept));
        if (created.statusCode() != 201) {
            throw new IllegalStateException(created.body());
        }
        deployAndAwait(admin, dept, "warm-up", "notice-board");
        Path cache = awaitStartupCache("notice-board");

        List<Long> deploy = new ArrayList<>();
        List<Long> jvm = new ArrayList<>();
        List<Long> cachedJvm = new ArrayList<>();
        List<Long> deployedJvm = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            jvm.add(standaloneStartMillis(List.of(), sampleJar()));
            Path extracted = cache.resolve(Files.readString(cache.resolve("ready")).strip());
            cachedJvm.add(standaloneStartMillis(List.of("-XX:AOTCache=" + cache.resolve("app.aot")), extracted));
            String name = "run-" + run;
            deploy.add(deployAndAwait(admin, dept, name, "notice-board"));
            deployedJvm.add(reportedStartMillis(admin, dept, name));
            deleteAndAwait(admin, dept, name);
        }
        StringBuilder report = new StringBuilder()
                .append("deploy-to-serving ms (startup cache ready): ").append(deploy).append(" median ")
                .append(median(deploy)).append("\n")
                .append("sample app JVM start-up ms, plain: ").append(jvm).append(" median ").append(median(jvm)).append("\n")
                .append("sample app JVM start-up ms, startup cache: ").append(cachedJvm).append(" median ")
                .append(median(cachedJvm)).append("\n")
                .append("sample app JVM start-up ms as the deployed instance reports it: ").append(deployedJvm)
                .append(" median ").append(median(deployedJvm)).append("\n")
                .append("ratio (deploy / cached JVM start-up): ")
                .append(String.format("%.2f", (double) median(deploy) / median(cachedJvm))).append("\n");

        for (String service : CITIZEN_SERVICES) {
            deployAndAwait(admin, dept, "warm-" + service, service);
            awaitStartupCache(service);
            deleteAndAwait(admin, dept, "warm-" + service);
            List<Long> serviceDeploy = new ArrayList<>();
            List<Long> serviceJvm = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                String name = service + "-" + run;
                serviceDeploy.add(deployAndAwait(admin, dept, name, service));
                serviceJvm.add(reportedStartMillis(admin, dept, name));
                deleteAndAwait(admin, dept, name);
            }
            report.append(service).append(" deploy-to-serving ms (startup cache ready): ").append(serviceDeploy)
                    .append(" median ").append(median(serviceDeploy)).append("\n")
                    .append(service).append(" JVM start-up ms as the instance reports it: ").append(serviceJvm)
                    .append(" median ").append(median(serviceJvm)).append("\n");
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "deploy-to-serving.txt"), report);
    }

    /** From the API's POST to the first 200 of the app's page through the gateway, in ms. */
    private long deployAndAwait(StaffClient admin, String dept, String name, String template)
            throws InterruptedException {
        long t0 = System.nanoTime();
        HttpResponse<String> accepted = admin.api("POST", "/api/v1/departments/" + dept + "/apps",
                "{\"name\": \"" + name + "\", \"template\": \"" + template + "\""
                        + (template.equals("permits") ? ", \"isolation\": \"process-sandboxed\"" : "") + "}");
        if (accepted.statusCode() != 202) {
            throw new IllegalStateException(accepted.body());
        }
        URI url = URI.create(baseUrl() + "/apps/" + dept + "/" + name + "/");
        while (status(url) != 200) {
            Thread.sleep(20);
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /**
     * Deletes the app with its data and waits until it is gone, so that its teardown (the
     * database dropped, the sign-in clients removed) is not counted in the next deploy.
     */
    private void deleteAndAwait(StaffClient admin, String dept, String name) throws InterruptedException {
        String app = "/api/v1/departments/" + dept + "/apps/" + name;
        admin.api("DELETE", app + "?purgeData=true", null);
        for (int i = 0; i < 600 && admin.api("GET", app, null).statusCode() != 404; i++) {
            Thread.sleep(100);
        }
    }

    /** The JVM's start-up as the app logged it (Spring Boot's "process running for"), in ms. */
    private long reportedStartMillis(StaffClient admin, String dept, String name) {
        String logs = admin.api("GET", "/api/v1/departments/" + dept + "/apps/" + name + "/logs", null).body();
        Matcher started = PROCESS_RUNNING.matcher(logs);
        if (!started.find()) {
            throw new IllegalStateException("no start-up line in the logs of " + name + ": " + logs);
        }
        return Math.round(Double.parseDouble(started.group(1)) * 1000);
    }

    /** The folder of an app jar's startup cache, once its background training has finished. */
    private Path awaitStartupCache(String artifact) throws IOException, InterruptedException {
        Path root = Path.of(environment.getProperty("govpaas.data-dir"), "apps", ".startup-cache");
        for (int i = 0; i < 600; i++) {
            if (Files.isDirectory(root)) {
                try (var dirs = Files.list(root)) {
                    var ready = dirs.filter(d -> readyFor(d, artifact)).findFirst();
                    if (ready.isPresent()) {
                        return ready.get();
                    }
                }
            }
            Thread.sleep(1000);
        }
        throw new IllegalStateException("no startup cache for " + artifact + " under " + root + " after 10 minutes");
    }

    /** The cache's "ready" file names the extracted jar, e.g. app/notice-board-0.1.0-SNAPSHOT.jar. */
    private static boolean readyFor(Path dir, String artifact) {
        try {
            Path ready = dir.resolve("ready");
            return Files.isRegularFile(ready) && Files.readString(ready).strip().startsWith("app/" + artifact + "-");
        } catch (IOException e) {
            return false;
        }
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
