package org.govpaas.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;
import org.govpaas.platform.runtime.LocalRuntimeProperties.SandboxMode;
import org.govpaas.platform.testing.TestArtifacts;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.RuntimeState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The startup cache as an operator sees it: the first start of a Spring Boot jar runs plain, a
 * background training leaves a ready cache, and the next instance of the same jar starts from it
 * (its command line says so) and serves, confined like any instance.
 */
class StartupCacheTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path stateDir;

    private LocalRuntime runtime;

    @BeforeEach
    void needsJdk25() {
        assumeThat(StartupCache.javaFeatureVersion(Path.of(System.getProperty("java.home"), "bin", "java")))
                .as("the ahead-of-time cache needs JDK 25").isGreaterThanOrEqualTo(25);
    }

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.apps().forEach(runtime::delete);
            runtime.close();
        }
    }

    @Test
    void laterStartsOfASpringBootJarUseTheCacheMadeAfterTheFirst() throws Exception {
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        Path jar = noticeBoardJar();
        AppId id = new AppId("civil-affairs", "notices");

        runtime.apply(spec(id, jar, 1));
        AppStatus first = awaitRunning(id);
        assertThat(commandLines(id)).singleElement().asString().doesNotContain("-XX:AOTCache=")
                .as("the jar's bean definitions made at build time are used").contains("-Dspring.aot.enabled=true");
        assertThat(get(first, "/apps/civil-affairs/notices/")).isEqualTo(200);

        Path cacheRoot = stateDir.resolve(".startup-cache");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> readyMarkers(cacheRoot) == 1);
        Path cache = cacheFolder(cacheRoot);
        assertThat(cache.resolveSibling(cache.getFileName() + ".log")).as("the training ran the app and recorded as it stopped")
                .content().contains("Started NoticeBoardApplication").contains("AOTConfiguration recorded");
        try (Stream<Path> files = Files.walk(cache)) {
            assertThat(files.map(Path::toString)).as("what instances see holds no output of the training app, no recording")
                    .noneMatch(name -> name.endsWith(".log") || name.endsWith(".aotconf"));
        }

        runtime.apply(spec(id, jar, 2));
        AppStatus scaled = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> runtime.status(id), s -> s.state() == RuntimeState.RUNNING && s.readyInstances() == 2);
        assertThat(commandLines(id)).hasSize(2).anySatisfy(line -> assertThat(line).contains("-XX:AOTCache=")
                .contains("-Dspring.aot.enabled=true"));
        for (AppStatus.InstanceStatus instance : scaled.instances()) {
            assertThat(HTTP.send(HttpRequest.newBuilder(URI.create("http://" + instance.address()
                    + "/apps/civil-affairs/notices/")).build(), HttpResponse.BodyHandlers.discarding()).statusCode())
                    .isEqualTo(200);
        }
    }

    /**
     * What the platform asks for each catalog app when it starts: the cache is made without any
     * instance, so the jar's very first deploy starts from it; a runtime closed during a training
     * leaves no training process behind.
     */
    @Test
    void aPreparedJarsFirstDeployStartsFromItsCache(@TempDir Path jars) throws Exception {
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        Path jar = noticeBoardJar();
        AppId id = new AppId("civil-affairs", "notices");
        Path cacheRoot = stateDir.resolve(".startup-cache");

        assertThat(runtime.needsPreparation(new AppSpec.Artifact(jar, null))).isTrue();
        CompletionStage<Void> prepared = runtime.prepare(spec(id, jar, 1));
        assertThat(runtime.apps()).as("nothing deployed").isEmpty();
        assertThat(prepared).succeedsWithin(Duration.ofMinutes(4));
        assertThat(readyMarkers(cacheRoot)).as("the preparation ends once its cache is ready").isEqualTo(1);
        assertThat(runtime.apps()).isEmpty();
        assertThat(runtime.needsPreparation(new AppSpec.Artifact(jar, null))).as("its cache is made").isFalse();

        runtime.apply(spec(id, jar, 1));
        AppStatus first = awaitRunning(id);
        assertThat(commandLines(id)).singleElement().asString().contains("-XX:AOTCache=");
        assertThat(get(first, "/apps/civil-affairs/notices/")).isEqualTo(200);
        runtime.delete(id);
        runtime.close();

        // A rebuilt jar prepared, and the runtime closed while it trains.
        Path rebuilt = jars.resolve("notice-board.jar");
        Files.copy(jar, rebuilt);
        rebuild(rebuilt);
        Path another = jars.resolve("notice-board-2.jar");
        Files.copy(rebuilt, another);
        rebuild(another);
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        CompletionStage<Void> closedDuring = runtime.prepare(spec(id, rebuilt, 1));
        CompletionStage<Void> queued = runtime.prepare(spec(id, another, 1));
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(200))
                .until(() -> trainingProcesses(cacheRoot) > 0);
        runtime.close();
        runtime = null;
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                assertThat(trainingProcesses(cacheRoot)).as("no training outlives its runtime").isZero());
        assertThat(closedDuring).as("neither ended: their callers keep what they made for them")
                .failsWithin(Duration.ofSeconds(10));
        assertThat(queued).failsWithin(Duration.ofSeconds(10));
    }

    /**
     * A preparation's environment is not the app's: should the app refuse to start with it, the
     * jar is trained again at its first real start, with the instance's own environment.
     */
    @Test
    void aJarWhosePreparationFailedIsTrainedAtItsFirstStart() throws Exception {
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        Path jar = noticeBoardJar();
        AppId id = new AppId("civil-affairs", "notices");
        AppSpec.Artifact artifact = new AppSpec.Artifact(jar, null);
        Path cacheRoot = stateDir.resolve(".startup-cache");

        // The board refuses to start with a theme it does not have.
        CompletionStage<Void> prepared = runtime.prepare(spec(id, jar, 1, Map.of("GOVPAAS_PARAM_THEME", "purple")));
        assertThat(prepared).as("a failed preparation ends too").succeedsWithin(Duration.ofMinutes(4));
        assertThat(trainingProcesses(cacheRoot)).isZero();
        assertThat(runtime.needsPreparation(artifact)).as("it may be prepared again").isTrue();
        assertThat(readyMarkers(cacheRoot)).as("no cache from the failed training").isZero();
        try (Stream<Path> logs = Files.list(cacheRoot).filter(p -> p.toString().endsWith(".log"))) {
            assertThat(logs).singleElement().as("the training failed for the app's own reason")
                    .satisfies(log -> assertThat(log).content().contains("noticeboard.theme"));
        }

        runtime.apply(spec(id, jar, 1));
        awaitRunning(id);
        assertThat(commandLines(id)).singleElement().asString().doesNotContain("-XX:AOTCache=");
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> readyMarkers(cacheRoot) == 1);
        assertThat(runtime.needsPreparation(artifact)).isFalse();
    }

    /**
     * A crashed control plane (here killed with SIGKILL, so none of its own code runs) leaves no
     * training behind: no later control plane would look after it, and it would train the same
     * jar again beside it. Confined by bubblewrap where it works here, and without the sandbox.
     */
    @ParameterizedTest
    @EnumSource(value = SandboxMode.class, names = {"AUTO", "OFF"})
    void aTrainingEndsWithItsControlPlaneKilled(SandboxMode sandbox) throws Exception {
        assumeThat(Sandbox.detect(sandbox, Path.of(System.getProperty("java.home"), "bin", "java")).tiesToControlPlane())
                .as("bubblewrap, or util-linux setpriv 2.33 or later").isTrue();
        Path cacheRoot = stateDir.resolve(".startup-cache");
        Process controlPlane = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), PreparingControlPlane.class.getName(),
                stateDir.toString(), noticeBoardJar().toString(), sandbox.name())
                .redirectErrorStream(true).redirectOutput(stateDir.resolve("control-plane.log").toFile()).start();
        try {
            // Killed while the app runs to be recorded, the step that would otherwise run longest.
            await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(100))
                    .until(() -> ProcessHandle.allProcesses().map(p -> p.info().commandLine().orElse(""))
                            .anyMatch(line -> line.contains(cacheRoot.toString()) && line.contains("-XX:AOTMode=record")));
            controlPlane.destroyForcibly();
            controlPlane.waitFor();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    assertThat(trainingProcesses(cacheRoot)).as("no training outlives a crashed control plane").isZero());
        } finally {
            controlPlane.destroyForcibly();
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(cacheRoot.toString()))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    /** A control plane of its own JVM that prepares a jar and waits to be killed. */
    static final class PreparingControlPlane {
        public static void main(String[] args) throws InterruptedException {
            LocalRuntime runtime = new LocalRuntime(LocalProcesses.testSettings(Path.of(args[0]), SandboxMode.valueOf(args[2])));
            runtime.prepare(spec(new AppId("civil-affairs", "notices"), Path.of(args[1]), 1));
            Thread.sleep(Long.MAX_VALUE);
        }
    }

    /** Processes whose command line names the cache folder: training steps, or instances started from a cache. */
    private static long trainingProcesses(Path cacheRoot) {
        String folder = cacheRoot.toString();
        return ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(folder)).count();
    }

    /**
     * A cache takes 60-150 MB and every build of an app makes a new jar: the cache of a jar since
     * rebuilt goes once no instance runs from it, here at the platform's next start.
     */
    @Test
    void theCacheOfARebuiltJarIsRemovedOnceNoInstanceRunsFromIt(@TempDir Path jars) throws Exception {
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        Path jar = jars.resolve("notice-board.jar");
        Files.copy(noticeBoardJar(), jar);
        AppId id = new AppId("civil-affairs", "notices");
        Path cacheRoot = stateDir.resolve(".startup-cache");

        runtime.apply(spec(id, jar, 1));
        awaitRunning(id);
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> readyMarkers(cacheRoot) == 1);
        Path first = cacheFolder(cacheRoot);
        runtime.apply(spec(id, jar, 2));
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> runtime.status(id), s -> s.state() == RuntimeState.RUNNING && s.readyInstances() == 2);
        assertThat(commandLines(id)).anySatisfy(line -> assertThat(line).contains(first.toString()));

        rebuild(jar);
        runtime.apply(spec(id, jar, 3));
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(1))
                .until(() -> readyMarkers(cacheRoot) == 2);
        assertThat(first).as("an instance still runs from the first cache").isDirectory();

        runtime.delete(id);
        runtime.close();
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> !Files.exists(first));
        assertThat(first.resolveSibling(first.getFileName() + ".log")).doesNotExist();
        assertThat(readyMarkers(cacheRoot)).as("the cache of the jar as it is now stays").isEqualTo(1);
    }

    private static Path noticeBoardJar() {
        return TestArtifacts.repository().resolve(
                "org/govpaas/apps/notice-board/0.1.0-SNAPSHOT/notice-board-0.1.0-SNAPSHOT.jar");
    }

    /** What a new build of the app does to its jar: other content at the same path. */
    static void rebuild(Path jar) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Files.writeString(zip.getPath("META-INF", "rebuilt"), "a new build");
        }
    }

    private AppStatus awaitRunning(AppId id) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> runtime.status(id), s -> s.state() == RuntimeState.RUNNING);
    }

    private List<String> commandLines(AppId id) {
        return LocalProcesses.jvms(stateDir, id).stream()
                .map(p -> String.join(" ", p.info().arguments().orElse(new String[0]))).toList();
    }

    private static long readyMarkers(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        try (Stream<Path> files = Files.find(root, 2, (p, a) -> p.getFileName().toString().equals("ready"))) {
            return files.count();
        }
    }

    private static Path cacheFolder(Path root) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(Files::isDirectory).filter(d -> Files.isRegularFile(d.resolve("ready"))).findFirst()
                    .orElseThrow();
        }
    }

    private static int get(AppStatus status, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + status.instances().get(0).address() + path)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static AppSpec spec(AppId id, Path jar, int instances) {
        return spec(id, jar, instances, Map.of("GOVPAAS_PARAM_TITLE", "Notices"));
    }

    private static AppSpec spec(AppId id, Path jar, int instances, Map<String, String> environment) {
        String route = "/apps/" + id.department() + "/" + id.name() + "/";
        return new AppSpec(id, instances, new AppSpec.Artifact(jar, null), instances, 256, environment,
                new AppSpec.HealthCheck(route.substring(0, route.length() - 1) + "/actuator/health/readiness", 60),
                IsolationTier.PROCESS, route, 0);
    }
}
