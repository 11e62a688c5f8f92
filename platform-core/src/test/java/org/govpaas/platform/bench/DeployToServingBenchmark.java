package org.govpaas.platform.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToLongFunction;
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
 * without and with the startup cache, all in the same run; then for each citizen service (it
 * needs its database and sign-in clients, so it is not started alone). Each deploy is split where
 * this machine's clocks allow (see {@link Deploy}), the JVM's part as the instance's own log
 * reports it. A warm-up deploy of each app comes first and the benchmark waits for its jar's
 * startup cache, as a platform that has run the app once would have.
 * Not a test: run with {@code ./govpaas bench deploy}; figures go to bench/deploy/README.md.
 */
@Tag("benchmark")
// The catalog is not prepared at start: the first deploy of each jar is measured without its cache.
@TestPropertySource(properties = {"govpaas.runtime.local.startup-cache=true", "govpaas.runtime.local.prepare-catalog=false"})
class DeployToServingBenchmark extends PlatformIntegrationTest {

    static final int RUNS = 5;
    static final List<String> CITIZEN_SERVICES = List.of("appointments", "permits", "hotline");
    /**
     * Spring Boot's start-up line with its time stamp: "2026-11-28T10:00:02.345Z  INFO ... Started
     * ... in 2.1 seconds (process running for 2.6)".
     */
    static final Pattern STARTED = Pattern.compile(
            "(\\d{4}-\\d\\d-\\d\\dT[0-9:.]+(?:Z|[+-]\\d\\d:\\d\\d))[^\"]*?Started [^\"]*?process running for ([0-9.]+)");
    static final Pattern RUNNING_EVENT = Pattern.compile("\"occurredAt\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"type\"\\s*:\\s*\"RUNNING\"");

    /**
     * Where one deploy's time went, from the clocks of this machine: POST to the JVM's start (the
     * reconciler, the database and clients, the launch), the JVM's own start-up as it reports it,
     * the app ready to RUNNING recorded (the readiness probe and the reconciler's pass), RUNNING to
     * the first 200 through the gateway (routes, the app's first page).
     */
    record Deploy(long total, long launch, long jvm, long recorded, long served) {
    }

    @Autowired
    Environment environment;

    @Test
    void deployToServing() throws Exception {
        BenchDepartment department = BenchDepartment.create(as("platform-admin"), baseUrl());
        // The warm-up is the jar's first deploy on this platform: no startup cache yet.
        long first = department.deployAndAwait("warm-up", "notice-board");
        Path cache = awaitStartupCache("notice-board");

        List<Deploy> deploys = new ArrayList<>();
        List<Long> jvm = new ArrayList<>();
        List<Long> cachedJvm = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            jvm.add(standaloneStartMillis(List.of(), sampleJar()));
            Path trainedOn = cache.resolve(Files.readString(cache.resolve("ready")).strip());
            cachedJvm.add(standaloneStartMillis(List.of("-XX:AOTCache=" + cache.resolve("app.aot")), trainedOn));
            deploys.add(measure(department, "run-" + run, "notice-board"));
        }
        StringBuilder report = new StringBuilder();
        describe(report, "notice-board", deploys);
        report.append("notice-board first deploy of the jar (no startup cache yet) ms: ").append(first).append("\n");
        report.append("sample app JVM start-up ms alone, plain: ").append(jvm).append(" median ").append(median(jvm))
                .append("\n")
                .append("sample app JVM start-up ms alone, startup cache: ").append(cachedJvm).append(" median ")
                .append(median(cachedJvm)).append("\n")
                .append("ratio (deploy / cached JVM start-up alone): ")
                .append(String.format("%.2f", (double) median(column(deploys, Deploy::total)) / median(cachedJvm)))
                .append("\n");

        for (String service : CITIZEN_SERVICES) {
            long firstOfService = department.deployAndAwait("warm-" + service, service);
            awaitStartupCache(service);
            department.deleteAndAwait("warm-" + service);
            List<Deploy> serviceDeploys = new ArrayList<>();
            for (int run = 0; run < RUNS; run++) {
                serviceDeploys.add(measure(department, service + "-" + run, service));
            }
            describe(report, service, serviceDeploys);
            report.append(service).append(" first deploy of the jar (no startup cache yet) ms: ").append(firstOfService)
                    .append("\n");
        }
        System.out.print(report);
        Files.writeString(Path.of("target", "deploy-to-serving.txt"), report);
    }

    /** One deploy from POST to the first 200, where its time went, then the app deleted and gone. */
    private Deploy measure(BenchDepartment department, String name, String template)
            throws IOException, InterruptedException {
        StaffClient admin = department.admin();
        String dept = department.code();
        long posted = System.currentTimeMillis();
        long total = department.deployAndAwait(name, template);
        long served = posted + total;
        String app = "/api/v1/departments/" + dept + "/apps/" + name;
        String logs = admin.api("GET", app + "/logs", null).body();
        // The last run's output of each app stays for a reader asking where its start-up went.
        Files.writeString(Path.of("target", "deploy-to-serving-" + template + ".json"), logs);
        Matcher started = STARTED.matcher(logs);
        if (!started.find()) {
            throw new IllegalStateException("no start-up line in the logs of " + name + ": " + logs);
        }
        long ready = Instant.parse(started.group(1)).toEpochMilli();
        long jvm = Math.round(Double.parseDouble(started.group(2)) * 1000);
        Matcher running = RUNNING_EVENT.matcher(admin.api("GET", app + "/events", null).body());
        if (!running.find()) {
            throw new IllegalStateException("no RUNNING event for " + name);
        }
        long recorded = Instant.parse(running.group(1)).toEpochMilli();
        department.deleteAndAwait(name);
        return new Deploy(total, ready - jvm - posted, jvm, recorded - ready, served - recorded);
    }

    private static void describe(StringBuilder report, String app, List<Deploy> deploys) {
        report.append(app).append(" deploy-to-serving ms (startup cache ready): ").append(column(deploys, Deploy::total))
                .append(" median ").append(median(column(deploys, Deploy::total))).append("\n");
        report.append(app).append(" medians ms: POST to JVM start ").append(median(column(deploys, Deploy::launch)))
                .append(", JVM start-up as the instance reports it ").append(median(column(deploys, Deploy::jvm)))
                .append(" ").append(column(deploys, Deploy::jvm))
                .append(", ready to RUNNING recorded ").append(median(column(deploys, Deploy::recorded)))
                .append(", RUNNING to first 200 through the gateway ").append(median(column(deploys, Deploy::served)))
                .append("\n");
    }

    private static List<Long> column(List<Deploy> deploys, ToLongFunction<Deploy> part) {
        return deploys.stream().map(d -> part.applyAsLong(d)).toList();
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

    /**
     * The cache's "ready" file names the jar it was trained on: its plain layout's jar, e.g.
     * {@code /.../notice-board-0.1.0-SNAPSHOT.plain/notice-board-0.1.0-SNAPSHOT.jar}.
     */
    private static boolean readyFor(Path dir, String artifact) {
        try {
            Path ready = dir.resolve("ready");
            return Files.isRegularFile(ready)
                    && Path.of(Files.readString(ready).strip()).getFileName().toString().startsWith(artifact + "-");
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
                // As the platform starts it at its 256 MiB (InstanceLauncher.memoryFlags).
                "-Xmx128m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m",
                "-XX:+ExitOnOutOfMemoryError", "-Dspring.aot.enabled=true"));
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
            while (BenchDepartment.status(ready) != 200) {
                Thread.sleep(20);
            }
            return (System.nanoTime() - t0) / 1_000_000;
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
