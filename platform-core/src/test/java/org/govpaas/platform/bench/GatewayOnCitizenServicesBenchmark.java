package org.govpaas.platform.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.govpaas.platform.apps.AppDirectory;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Gateway overhead on the citizen services themselves: each service deployed through the API as a
 * developer would (its own database, its sign-in clients, the local runtime), then
 * {@code bench/gateway/run.sh} against one of its public pages, directly from the instance and
 * through the platform's port, with nginx and the event-loop reference proxy in front of the same
 * instance, all in the same run. The sample app's page ({@code run.sh --harness}) is the lightest
 * page a proxy can be put in front of; these pages are what citizens actually load.
 * Not a test: run with {@code ./govpaas bench gateway --citizen-services}; figures go to
 * bench/gateway/README.md.
 */
@Tag("benchmark")
class GatewayOnCitizenServicesBenchmark extends PlatformIntegrationTest {

    /** A public page of a service: what a citizen opens without signing in. */
    record Page(String template, String path, String what) {
    }

    static final List<Page> PAGES = List.of(
            new Page("hotline", "statistics", "the hotline's public figures (a query per status and category)"),
            new Page("appointments", "", "the appointments service's start page"),
            new Page("permits", "", "the permits service's start page"));

    /** The script's lines with figures (not its build's or the JVM's warnings). */
    static final Pattern FIGURES = Pattern.compile("run \\d|saturated|one at a time|goals");

    @Autowired
    AppDirectory directory;

    @Test
    void gatewayOverheadOnCitizenServices() throws Exception {
        BenchDepartment department = BenchDepartment.create(as("platform-admin"), baseUrl());
        String dept = department.code();
        StringBuilder report = new StringBuilder();
        for (Page page : PAGES) {
            String name = page.template();
            department.deployAndAwait(name, page.template());
            AppDirectory.Route route = directory.route(dept, name).orElseThrow();
            String direct = route.readyInstances().getFirst() + route.routePath() + page.path();
            String gateway = baseUrl() + route.routePath() + page.path();
            report.append("== ").append(page.template()).append(" /").append(page.path()).append(": ")
                    .append(page.what()).append("\n");
            report.append(runScript(direct, gateway)).append("\n");
            // One service at a time on the machine: the next one's measure is not shared with this one.
            department.deleteAndAwait(name);
        }
        Files.writeString(Path.of("target", "gateway-citizen-services.txt"), report);
    }

    /** The gateway benchmark script against the two URLs: echoed as it comes; its figures returned. */
    private static String runScript(String direct, String gateway) throws IOException, InterruptedException {
        Process script = new ProcessBuilder("../bench/gateway/run.sh", direct, gateway).redirectErrorStream(true)
                .start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(
                new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = lines.readLine()) != null; ) {
                System.out.println(line);
                if (FIGURES.matcher(line).lookingAt()) {
                    output.append(line).append("\n");
                }
            }
        }
        if (script.waitFor() != 0) {
            throw new IllegalStateException("bench/gateway/run.sh failed:\n" + output);
        }
        return output.toString();
    }
}
