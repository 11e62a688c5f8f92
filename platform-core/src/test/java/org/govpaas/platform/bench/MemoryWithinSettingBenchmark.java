package org.govpaas.platform.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.platform.apps.AppDirectory;
import org.govpaas.platform.catalog.CatalogService;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Whether an app stays within the memory it is given, which is what the department's quota counts
 * and what a Kubernetes limit would kill it beyond: each catalog app deployed through the API at
 * the least memory its newest version allows ({@code memoryMb.min}), then loaded through the
 * gateway with wrk (32 connections) on a public page while its instance's resident memory is
 * sampled. Reports the highest resident figure against the setting.
 * Not a test: run with {@code ./govpaas bench memory}; figures go to bench/memory/README.md.
 */
@Tag("benchmark")
class MemoryWithinSettingBenchmark extends PlatformIntegrationTest {

    /** A public page of each app: what citizens load without signing in. */
    static final Map<String, String> PAGES = Map.of("notice-board", "", "appointments", "", "hotline", "statistics",
            "permits", "");

    static final Pattern PID = Pattern.compile("pid=(\\d+)");
    static final Pattern REQUESTS = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

    @Autowired
    AppDirectory directory;
    @Autowired
    CatalogService catalog;

    @Test
    void memoryWithinTheSetting() throws Exception {
        BenchDepartment department = BenchDepartment.create(as("platform-admin"), baseUrl());
        StringBuilder report = new StringBuilder("app | setting MiB | highest resident MiB under load | req/s\n");
        for (String template : List.of("notice-board", "appointments", "hotline", "permits")) {
            TemplateVersion version = catalog.template(template).orElseThrow().latest();
            int setting = version.memoryMb().min();
            department.deployAndAwait(template, template, setting);
            AppDirectory.Route route = directory.route(department.code(), template).orElseThrow();
            long pid = listener(route.readyInstances().getFirst().getPort());
            String url = baseUrl() + route.routePath() + PAGES.get(template);

            wrk(url, 5); // warm: the JIT has compiled the page's path before the measure
            Sampler sampler = new Sampler(pid);
            Thread sampling = Thread.ofPlatform().start(sampler);
            String load = wrk(url, 20);
            sampler.stop = true;
            sampling.join();
            Matcher requests = REQUESTS.matcher(load);
            String line = template + " | " + setting + " | " + sampler.highestKib / 1024 + " | "
                    + (requests.find() ? requests.group(1) : "?");
            System.out.println(line);
            report.append(line).append("\n");
            department.deleteAndAwait(template);
        }
        Files.writeString(Path.of("target", "memory-within-setting.txt"), report);
    }

    /** The process listening on the instance's port (under bubblewrap too: its pid as the host sees it). */
    private static long listener(int port) throws IOException, InterruptedException {
        String out = run(List.of("ss", "-Hltnp", "sport = :" + port));
        Matcher pid = PID.matcher(out);
        if (!pid.find()) {
            throw new IllegalStateException("no process listens on " + port + ": " + out);
        }
        return Long.parseLong(pid.group(1));
    }

    private static String wrk(String url, int seconds) throws IOException, InterruptedException {
        return run(List.of("wrk", "-t2", "-c32", "-d" + seconds + "s", url));
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
        return out;
    }

    /** Reads the process's resident memory five times a second and keeps the highest. */
    private static final class Sampler implements Runnable {
        private final Path status;
        volatile boolean stop;
        volatile long highestKib;

        Sampler(long pid) {
            this.status = Path.of("/proc", String.valueOf(pid), "status");
        }

        @Override
        public void run() {
            while (!stop) {
                try {
                    for (String line : Files.readAllLines(status)) {
                        if (line.startsWith("VmRSS:")) {
                            highestKib = Math.max(highestKib, Long.parseLong(line.replaceAll("\\D", "")));
                        }
                    }
                    Thread.sleep(200);
                } catch (IOException e) {
                    return; // the process ended: the report holds what was seen until then
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }
}
