package org.govpaas.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.govpaas.platform.runtime.LocalRuntimeProperties.SandboxMode;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.LogLine;
import org.govpaas.runtime.RuntimeState;
import org.govpaas.runtime.contract.TestApp;
import org.govpaas.runtime.contract.TestAppJar;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** What the contract cannot say about the local runtime: the sandbox, secrets, orphans after a crash. */
@ExtendWith(OutputCaptureExtension.class)
class LocalRuntimeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    static Path jarDir;
    static Path jar;

    @TempDir
    Path stateDir;
    private final List<LocalRuntime> runtimes = new ArrayList<>();
    private final List<Path> cleanUp = new ArrayList<>();

    @BeforeAll
    static void buildTestApp() {
        jar = TestAppJar.build(jarDir);
    }

    @AfterEach
    void deleteEverything() {
        for (LocalRuntime runtime : runtimes) {
            runtime.apps().forEach(runtime::delete);
            runtime.close();
        }
        cleanUp.forEach(StateStore::deleteTree);
    }

    @Test
    void underBubblewrapAnAppWritesOnlyItsOwnDirectoryAndAPrivateTmp() throws Exception {
        LocalRuntime runtime = start(SandboxMode.AUTO);
        assumeThat(runtime.supportedIsolation()).as("bubblewrap works on this machine")
                .contains(IsolationTier.PROCESS_SANDBOXED);
        Path outside = outsideTmp().resolve("outside.txt");
        Path hostTmp = Path.of("/tmp", "govpaas-probe-" + System.nanoTime());

        String outsideAnswer = probe(runtime, outside.toString(), IsolationTier.PROCESS_SANDBOXED);
        String tmpAnswer = probe(runtime, hostTmp.toString(), IsolationTier.PROCESS_SANDBOXED);
        String ownAnswer = probe(runtime, "probe.txt", IsolationTier.PROCESS_SANDBOXED);

        assertThat(outsideAnswer).startsWith("denied").contains("Read-only file system");
        assertThat(outside).doesNotExist();
        assertThat(tmpAnswer).isEqualTo("written");
        assertThat(hostTmp).as("the app's /tmp is its own").doesNotExist();
        assertThat(ownAnswer).isEqualTo("written");
    }

    @Test
    void underBubblewrapThePlatformsDataFolderIsHidden() throws Exception {
        Path data = Files.createTempDirectory(Path.of("/var/tmp"), "govpaas-data");
        cleanUp.add(data);
        Path secret = Files.writeString(data.resolve("secret.key"), "top-secret");
        LocalRuntime runtime = new LocalRuntime(LocalProcesses.testSettings(data.resolve("apps"), SandboxMode.AUTO));
        runtimes.add(runtime);
        assumeThat(runtime.supportedIsolation()).as("bubblewrap works on this machine")
                .contains(IsolationTier.PROCESS_SANDBOXED);

        // Read-only, the write would be refused; hidden, it lands on an empty tmpfs the host never sees.
        assertThat(probe(runtime, secret.toString(), IsolationTier.PROCESS_SANDBOXED)).isEqualTo("written");
        assertThat(Files.readString(secret)).isEqualTo("top-secret");
        assertThat(probe(runtime, "probe.txt", IsolationTier.PROCESS_SANDBOXED)).isEqualTo("written");
    }

    /**
     * The first request of a new JVM is its slowest: the runtime asks for the app's first page
     * once as the instance turns ready, so the first citizen does not pay for it.
     */
    @Test
    void anInstanceThatTurnsReadyIsAskedForItsFirstPageOnce() throws Exception {
        LocalRuntime runtime = start(SandboxMode.OFF);
        AppSpec app = spec(new AppId("health", "warmed"), Map.of(), IsolationTier.PROCESS);
        // The test app prints what follows /log/: a route path there shows the page was asked for.
        runtime.apply(new AppSpec(app.id(), 1, app.artifact(), 1, 128, app.environment(), app.health(),
                IsolationTier.PROCESS, "/log/first-page-asked/", 0));

        awaitState(runtime, app.id(), RuntimeState.RUNNING);
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.logs(app.id(), 50).stream().anyMatch(line -> line.text().equals("first-page-asked/")));
        Thread.sleep(1_500); // a dozen probes later
        assertThat(runtime.logs(app.id(), 50)).filteredOn(line -> line.text().equals("first-page-asked/")).hasSize(1);
    }

    @Test
    void withTheSandboxOffAppsAreHonestlyPlainProcesses() throws Exception {
        LocalRuntime runtime = start(SandboxMode.OFF);
        assertThat(runtime.supportedIsolation()).containsExactly(IsolationTier.PROCESS);
        Path outside = outsideTmp().resolve("outside.txt");

        assertThat(probe(runtime, outside.toString(), IsolationTier.PROCESS)).isEqualTo("written");
        assertThat(outside).exists();
        AppSpec sandboxed = spec(new AppId("health", "refused"), Map.of(), IsolationTier.PROCESS_SANDBOXED);
        assertThatThrownBy(() -> runtime.apply(sandboxed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("process-sandboxed");
        assertThat(runtime.apps()).doesNotContain(sandboxed.id());
    }

    @Test
    void secretsReachTheAppButNoLogStatusOrStateFile(CapturedOutput output) throws Exception {
        LocalRuntime runtime = start(SandboxMode.AUTO);
        String secret = "s3cret-" + System.nanoTime();
        Map<String, String> env = new HashMap<>(Map.of("DB_PASSWORD", secret, TestApp.BEHAVIOUR, "EXIT_AT_START"));
        AppSpec failing = spec(new AppId("health", "crashing"), env, IsolationTier.PROCESS);
        env.put(TestApp.BEHAVIOUR, "HEALTHY");
        AppSpec healthy = spec(new AppId("health", "clinic"), env, IsolationTier.PROCESS);

        runtime.apply(failing);
        runtime.apply(healthy);
        AppStatus failed = awaitState(runtime, failing.id(), RuntimeState.FAILED);
        AppStatus running = awaitState(runtime, healthy.id(), RuntimeState.RUNNING);

        assertThat(get(running.instances().getFirst().address(), "/env/DB_PASSWORD")).isEqualTo(secret);
        // The reason names the exit; what the app printed stays in its output (developers only).
        assertThat(failed.message()).contains("3").contains("last output").doesNotContain("as asked");
        assertThat(runtime.logs(failing.id(), 20)).anyMatch(line -> line.text().contains("exits with code 3 as asked"));
        assertThat(output.getAll()).contains("keeps crashing").doesNotContain(secret);
        assertThat(failed.toString() + running).doesNotContain(secret);
        for (AppId id : List.of(failing.id(), healthy.id())) {
            assertThat(Files.readString(stateDir.resolve(id.department()).resolve(id.name()).resolve("app.json")))
                    .contains(id.name()).doesNotContain(secret);
        }
    }

    @Test
    void statusWatchersHearOfAnAppBecomingReadyAndOfACrashLoopUntilTheyStop() throws Exception {
        LocalRuntime runtime = start(SandboxMode.OFF);
        List<AppStatus> heard = new CopyOnWriteArrayList<>();
        AutoCloseable watch = runtime.watchStatus(id -> heard.add(runtime.status(id)));
        AppSpec healthy = spec(new AppId("health", "watched"), Map.of(), IsolationTier.PROCESS);
        AppSpec crashing = spec(new AppId("health", "crashing"), Map.of(TestApp.BEHAVIOUR, "EXIT_AT_START"),
                IsolationTier.PROCESS);

        runtime.apply(healthy);
        runtime.apply(crashing);

        // Told, not found by looking: the watcher's own read of the status already shows the change.
        await().atMost(TIMEOUT).until(() -> heard.stream().anyMatch(s -> s.id().equals(healthy.id())
                && s.state() == RuntimeState.RUNNING && s.readyInstances() == 1));
        await().atMost(TIMEOUT).until(() -> heard.stream().anyMatch(s -> s.id().equals(crashing.id())
                && s.state() == RuntimeState.FAILED));
        assertThat(heard).as("nothing is told twice in a row while it stays the same")
                .filteredOn(s -> s.id().equals(healthy.id()) && s.state() == RuntimeState.RUNNING).hasSize(1);

        watch.close();
        int told = heard.size();
        AppSpec later = spec(new AppId("health", "unwatched"), Map.of(), IsolationTier.PROCESS);
        runtime.apply(later);
        awaitState(runtime, later.id(), RuntimeState.RUNNING);
        assertThat(heard).as("a closed watch hears nothing more").hasSize(told);
    }

    /**
     * A JVM that stops answering keeps its process alive (a deadlock, a heap it can only collect;
     * here it is frozen with SIGSTOP): it leaves routing at once, and after the liveness timeout it
     * is killed and started again, as Kubernetes' liveness probe would, instead of leaving the app
     * short of an instance for good.
     */
    @Test
    void aRunningInstanceThatStopsAnsweringIsKilledAndStartedAgain() throws Exception {
        LocalRuntime runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.OFF, false,
                Duration.ofSeconds(4)));
        runtimes.add(runtime);
        List<AppStatus> heard = new CopyOnWriteArrayList<>();
        AutoCloseable watch = runtime.watchStatus(id -> heard.add(runtime.status(id)));
        AppSpec app = spec(new AppId("health", "frozen"), Map.of(), IsolationTier.PROCESS);
        runtime.apply(app);
        awaitState(runtime, app.id(), RuntimeState.RUNNING);
        ProcessHandle frozen = LocalProcesses.jvms(stateDir, app.id()).getFirst();

        assertThat(new ProcessBuilder("kill", "-STOP", String.valueOf(frozen.pid())).start().waitFor()).isZero();
        try {
            await().atMost(TIMEOUT).until(() -> runtime.status(app.id()),
                    status -> status.readyInstances() == 0 && status.instances().getFirst().restarts() == 0);
            AppStatus again = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> runtime.status(app.id()),
                    status -> status.state() == RuntimeState.RUNNING && status.instances().getFirst().restarts() == 1);

            assertThat(frozen.onExit().get(10, TimeUnit.SECONDS).isAlive()).isFalse();
            assertThat(LocalProcesses.jvms(stateDir, app.id())).hasSize(1).doesNotContain(frozen);
            assertThat(get(again.instances().getFirst().address(), "/ready")).isNotNull();
            assertThat(heard).as("the reason reached the control plane")
                    .anySatisfy(status -> assertThat(status.message()).contains("failed its readiness check for 4 s and was killed"));
        } finally {
            frozen.destroyForcibly();
            watch.close();
        }
    }

    /**
     * What an operator sees with ps: the JVM is sized within the app's memory setting as a whole
     * (heap, code cache, the collector's own), not only its heap (see InstanceLauncher.memoryFlags).
     */
    @Test
    void anInstancesJvmIsSizedWithinItsMemorySetting() {
        LocalRuntime runtime = start(SandboxMode.OFF);
        AppSpec small = spec(new AppId("health", "sized"), Map.of(), IsolationTier.PROCESS);
        runtime.apply(new AppSpec(small.id(), 1, small.artifact(), 1, 384, small.environment(), small.health(),
                small.isolation(), small.routePath(), 0));
        awaitState(runtime, small.id(), RuntimeState.RUNNING);

        List<String> arguments = List.of(LocalProcesses.jvms(stateDir, small.id()).getFirst().info().arguments().orElseThrow());
        assertThat(arguments).contains("-Xmx256m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m")
                .noneMatch(argument -> argument.startsWith("-Xmx") && !argument.equals("-Xmx256m"));
    }

    /** A chatty app that never restarts still cannot fill the disk with its output. */
    @Test
    void aRunningInstancesOutputStaysWithinItsBoundAndCanStillBeRead() throws Exception {
        LocalRuntime runtime = start(SandboxMode.OFF);
        AppSpec app = spec(new AppId("health", "chatty"), Map.of(), IsolationTier.PROCESS);
        runtime.apply(app);
        String address = awaitState(runtime, app.id(), RuntimeState.RUNNING).instances().getFirst().address();
        Path output = stateDir.resolve("health/chatty/logs/0-g1.log");
        String line = "x".repeat(7_000);

        for (int i = 0; i < 200; i++) { // 1.4 MB of output against the test settings' 1 MB
            get(address, "/log/" + i + "-" + line);
        }

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(Files.size(output)).isLessThanOrEqualTo(LocalProcesses.testSettings(stateDir, SandboxMode.OFF)
                    .maxOutputSize().toBytes());
            assertThat(output.resolveSibling("0-g1.log.1")).exists();
        });
        get(address, "/log/after-the-rotation");
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(runtime.logs(app.id(), 5))
                .extracting(LogLine::text).contains("after-the-rotation"));
        assertThat(runtime.status(app.id()).instances().getFirst().restarts()).isZero();
    }

    @Test
    void aProcessStartedJustBeforeTheControlPlaneDiedIsStoppedByTheNextOne() throws Exception {
        // What a control plane killed between starting a process and recording it leaves behind.
        Path instanceDir = Files.createDirectories(stateDir.resolve("health/clinic/instances/0-g1"));
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                ProcessTree.INSTANCE_DIR_PROPERTY + instanceDir, "-jar", jar.toString()))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true).directory(instanceDir.toFile());
        builder.environment().putAll(Map.of(TestApp.BEHAVIOUR, "SLOW_START", TestApp.START_DELAY_MS, "600000"));
        Process orphan = builder.start();
        try {
            assertThat(orphan.waitFor(1, TimeUnit.SECONDS)).as("the orphan keeps running").isFalse();

            start(SandboxMode.AUTO);

            await().atMost(TIMEOUT).until(() -> !orphan.isAlive());
        } finally {
            orphan.destroyForcibly();
        }
    }

    @Test
    void closingWithStopAppsOnCloseLeavesNoProcessButKeepsTheRecord() {
        LocalRuntime runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO, true,
                Duration.ofSeconds(30)));
        AppSpec spec = spec(new AppId("health", "clinic"), Map.of(), IsolationTier.PROCESS);
        runtime.apply(spec);
        awaitState(runtime, spec.id(), RuntimeState.RUNNING);

        runtime.close();

        assertThat(LocalProcesses.jvms(stateDir, spec.id())).isEmpty();
        LocalRuntime next = start(SandboxMode.AUTO);
        assertThat(next.apps()).containsExactly(spec.id());
        next.apply(spec);
        awaitState(next, spec.id(), RuntimeState.RUNNING);
    }

    /** An upgraded platform reads the state its predecessor wrote and adopts what runs. */
    @Test
    void stateWrittenBeforeRestartGenerationsWereRecordedIsReadAndItsInstancesAdopted() throws Exception {
        LocalRuntime before = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.OFF)); // its apps outlive it
        AppSpec spec = spec(new AppId("health", "upgraded"), Map.of(), IsolationTier.PROCESS);
        before.apply(spec);
        String instance = awaitState(before, spec.id(), RuntimeState.RUNNING).instances().getFirst().id();
        long pid = LocalProcesses.jvms(stateDir, spec.id()).getFirst().pid();
        before.close();
        Path file = stateDir.resolve("health/upgraded/app.json");
        String json = Files.readString(file);
        assertThat(json).contains("\"restartGeneration\"");
        Files.writeString(file, json.replaceAll(",?\"restartGeneration\":[^,}]*", ""));

        LocalRuntime after = start(SandboxMode.OFF);
        assertThat(after.apps()).contains(spec.id());
        after.apply(spec);

        assertThat(awaitState(after, spec.id(), RuntimeState.RUNNING).instances().getFirst().id()).isEqualTo(instance);
        assertThat(LocalProcesses.jvms(stateDir, spec.id())).extracting(ProcessHandle::pid).containsExactly(pid);
    }

    /**
     * The sandbox gone after a restart (bubblewrap removed, or its trial failing): the sandboxed
     * app cannot be started again, but it can still be stopped, and its adopted instance ends.
     */
    @Test
    void aSandboxedAppCanBeStoppedWhenTheSandboxIsGoneAfterARestart() {
        LocalRuntime before = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO)); // its apps outlive it
        assumeThat(before.supportedIsolation()).as("bubblewrap works here").contains(IsolationTier.PROCESS_SANDBOXED);
        AppSpec sandboxed = spec(new AppId("health", "sandboxed"), Map.of(), IsolationTier.PROCESS_SANDBOXED);
        before.apply(sandboxed);
        awaitState(before, sandboxed.id(), RuntimeState.RUNNING);
        before.close();

        LocalRuntime after = start(SandboxMode.OFF);
        assertThatThrownBy(() -> after.apply(sandboxed)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot provide isolation tier process-sandboxed")
                .hasMessageContaining("change its isolation");
        AppSpec stopped = new AppSpec(sandboxed.id(), 2, sandboxed.artifact(), 0, sandboxed.memoryMb(),
                sandboxed.environment(), sandboxed.health(), sandboxed.isolation(), sandboxed.routePath(), 0);
        after.apply(stopped);
        awaitState(after, sandboxed.id(), RuntimeState.STOPPED);
        await().atMost(TIMEOUT).untilAsserted(() ->
                assertThat(LocalProcesses.jvms(stateDir, sandboxed.id())).as("the adopted instance ended").isEmpty());
    }

    @Test
    void aRecordedPidNowUsedByAnotherProcessIsNotAdopted() {
        ProcessHandle self = ProcessHandle.current();
        assertThat(ProcessTree.find(self.pid(), self.info().startInstant().orElseThrow())).contains(self);
        assertThat(ProcessTree.find(self.pid(), self.info().startInstant().orElseThrow().minusSeconds(60))).isEmpty();
    }

    @Test
    void aSecondRuntimeOnTheSameStateIsRefused() {
        start(SandboxMode.OFF);
        assertThatThrownBy(() -> start(SandboxMode.OFF)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("another control plane");
    }

    /**
     * A writable host folder outside /tmp: under the sandbox everything below /tmp is a private
     * tmpfs where any write "succeeds" without reaching the host.
     */
    private Path outsideTmp() throws IOException {
        Path dir = Files.createTempDirectory(Path.of("/var/tmp"), "govpaas-probe");
        cleanUp.add(dir);
        return dir;
    }

    private LocalRuntime start(SandboxMode sandbox) {
        LocalRuntime runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, sandbox));
        runtimes.add(runtime);
        return runtime;
    }

    /** Deploys an app that tries to write {@code path} and returns what it says. */
    private String probe(LocalRuntime runtime, String path, IsolationTier isolation) throws Exception {
        AppId id = new AppId("health", "probe-" + Math.abs(path.hashCode()));
        runtime.apply(spec(id, Map.of(TestApp.PROBE_PATH, path), isolation));
        AppStatus status = awaitState(runtime, id, RuntimeState.RUNNING);
        assertThat(status.isolation()).isEqualTo(runtime.supportedIsolation().contains(IsolationTier.PROCESS_SANDBOXED)
                ? IsolationTier.PROCESS_SANDBOXED : IsolationTier.PROCESS);
        return get(status.instances().getFirst().address(), "/probe");
    }

    private static AppSpec spec(AppId id, Map<String, String> env, IsolationTier isolation) {
        Map<String, String> environment = new HashMap<>(env);
        environment.putIfAbsent(TestApp.BEHAVIOUR, "HEALTHY");
        return new AppSpec(id, 1, new AppSpec.Artifact(jar, null), 1, 128, environment,
                new AppSpec.HealthCheck("/ready", 30), isolation, "/apps/" + id.department() + "/" + id.name() + "/", 0);
    }

    private static AppStatus awaitState(LocalRuntime runtime, AppId id, RuntimeState state) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100))
                .until(() -> runtime.status(id), status -> status.state() == state);
    }

    private static String get(String address, String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + path)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
