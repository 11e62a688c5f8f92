package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Reconciling 500 apps in 50 departments against the fabric8 mock API server: API requests
 * (and writes) per app for the first apply, for applying the same specs again (goal: zero
 * writes) and for a status pass, and the wall time of each full pass. Not a test: run by
 * {@code ./govpaas bench kubernetes}, which prints {@code target/kubernetes-reconcile.txt}.
 */
@Tag("benchmark")
class KubernetesReconcileBenchmark {

    private static final int DEPARTMENTS = 50;
    private static final int APPS_PER_DEPARTMENT = 10;
    /** Keeps the mock server's per-request INFO lines out of the timing (JUL holds loggers weakly). */
    private static final Logger MOCK_LOG = Logger.getLogger("io.fabric8.mockwebserver");

    record Pass(String name, int requests, int writes, long millis) {
    }

    @Test
    void reconcile500AppsIn50Departments() throws Exception {
        MOCK_LOG.setLevel(Level.WARNING);
        int runs = Integer.getInteger("runs", 5);
        Map<String, List<Pass>> byName = new java.util.LinkedHashMap<>();
        for (int run = 0; run < runs; run++) {
            for (Pass pass : oneRun()) {
                byName.computeIfAbsent(pass.name(), ignored -> new ArrayList<>()).add(pass);
            }
        }
        int apps = DEPARTMENTS * APPS_PER_DEPARTMENT;
        StringBuilder report = new StringBuilder(String.format(Locale.ROOT,
                "%d apps in %d departments, fabric8 CRUD mock API server, median of %d runs (JDK %s)%n%n",
                apps, DEPARTMENTS, runs, Runtime.version()));
        report.append("| pass | API requests per app | writes per app | full pass (ms) | all runs (ms) |\n");
        report.append("| --- | --- | --- | --- | --- |\n");
        byName.forEach((name, passes) -> report.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %d | %s |%n",
                name, median(passes.stream().map(p -> (long) p.requests()).toList()) / (double) apps,
                median(passes.stream().map(p -> (long) p.writes()).toList()) / (double) apps,
                median(passes.stream().map(Pass::millis).toList()),
                passes.stream().map(p -> String.valueOf(p.millis())).toList())));
        Path out = Path.of("target", "kubernetes-reconcile.txt");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    /** One fresh cluster: first apply of every app, the same specs again, then a status pass. */
    private List<Pass> oneRun() throws IOException, InterruptedException {
        KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                new KubernetesCrudDispatcher(), false);
        server.init();
        try (KubernetesClient client = server.createClient()) {
            KubernetesRuntime runtime = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS);
            // The same cluster through a runtime that reads the department's objects for every app,
            // as before they were trusted for a while: the comparison of the same run.
            KubernetesRuntime everyTime = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS,
                    Clock.systemUTC(), Duration.ZERO);
            List<AppSpec> specs = specs();
            List<Pass> passes = new ArrayList<>();
            passes.add(measure(server, "first apply", () -> specs.forEach(runtime::apply)));
            passes.add(measure(server, "same specs again (no-op)", () -> specs.forEach(runtime::apply)));
            passes.add(measure(server, "no-op, department objects read for every app",
                    () -> specs.forEach(everyTime::apply)));
            passes.add(measure(server, "no-op by a restarted control plane", () -> {
                KubernetesRuntime restarted = new KubernetesRuntime(client, Specs.SETTINGS,
                        department -> Specs.HEALTH_LIMITS);
                specs.forEach(restarted::apply);
            }));
            passes.add(measure(server, "status of every app", () -> specs.forEach(spec -> runtime.status(spec.id()))));
            return passes;
        } finally {
            server.destroy();
        }
    }

    private static Pass measure(KubernetesMockServer server, String name, Runnable pass) throws InterruptedException {
        MockApiRequests.drain(server);
        long start = System.nanoTime();
        pass.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        List<String> requests = MockApiRequests.drain(server);
        return new Pass(name, requests.size(), MockApiRequests.writes(requests).size(), millis);
    }

    private static List<AppSpec> specs() {
        List<AppSpec> specs = new ArrayList<>();
        for (int d = 0; d < DEPARTMENTS; d++) {
            for (int a = 0; a < APPS_PER_DEPARTMENT; a++) {
                AppId id = new AppId("dept-" + d, "app-" + a);
                // Every other app with 2 instances, so half of them also have a PodDisruptionBudget.
                specs.add(Specs.spec(id, 1, 1 + a % 2, IsolationTier.STANDARD));
            }
        }
        return specs;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(sorted.size() / 2);
    }
}
