package org.govpaas.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.govpaas.runtime.AppSpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes app JVMs start about twice as fast with the JDK's ahead-of-time cache (JEP 483/514/515):
 * classes loaded and linked, and method profiles, of a training run are stored once per jar and
 * mapped by every later start. A jar is trained when the platform prepares it (the catalog's apps,
 * as it starts: {@code AppRuntime.prepare}) or right after its first start, which runs without a
 * cache: a background training run (niced, sandboxed like an instance, one at a time) starts the
 * jar's plain class-path layout ({@link AppJars#plain}, which instances without a cache run from too:
 * the cache needs plain jars on the class path) like an instance with {@code -XX:AOTMode=record}, asks
 * its readiness path and its first page a few times (what a deploy waits for: the classes of the
 * first requests are otherwise loaded while the first citizen waits), stops it with SIGTERM (the
 * JVM writes the recording as it exits) and builds the cache from the recording
 * ({@code -XX:AOTMode=create}). Later starts of the same jar content use the extracted jar with
 * {@code -XX:AOTCache}.
 *
 * <p>Made from the runtime's own copy of the jar ({@link AppJars}) and keyed by its content
 * digest, so a rebuilt SNAPSHOT gets a new cache. A cache the JVM
 * cannot use (other flags, another JDK) is ignored by the JVM itself ({@code AOTMode=auto}); a
 * failed training leaves no marker and the jar simply keeps starting the plain way. Instances
 * see the cache's folder read-only; the training's output, which shows an app's (or a
 * preparation's) environment at work, is kept
 * beside it, out of their sight.
 *
 * <p>A cache takes 60-150 MB, and every build of an app makes a new jar (Spring AOT's generated
 * proxies differ from build to build). So a cache no start can use any more, that of a jar copy
 * since removed, is removed with the unused copies themselves when the platform starts, after each
 * new copy and after each training, unless a live process still runs from it.
 */
final class StartupCache {

    private static final Logger log = LoggerFactory.getLogger(StartupCache.class);
    private static final String READY = "ready";
    private static final String CACHE_FILE = "app.aot";
    private static final String RECORDING = "app.aotconf";
    /** The jar copy a cache was made from, by absolute path. */
    private static final String SOURCE = "source";
    private static final long TRAINING_TIMEOUT_SECONDS = 300;
    /** How long a killed step may take to be gone before the training thread goes on. */
    private static final Duration KILLED_EXIT = Duration.ofSeconds(10);
    /** Requests of each path in the training: enough to load what a first request loads. */
    private static final int WARM_UP_REQUESTS = 5;
    /** The lowest CPU priority short of 19: a training only uses what instances leave. */
    private static final int TRAINING_NICE = 15;

    private final Path root;
    private final AppJars jars;
    private final Path java;
    /** Shown to every step: the sandbox hides /tmp, where a JDK may lie. */
    private final Path javaHome;
    private final Sandbox sandbox;
    private final boolean supported;
    private final ReadinessProbe requests = new ReadinessProbe();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    /**
     * The one thread that starts and awaits every step. The steps end with it (their parent-death
     * signal, {@link Sandbox#wrapEndingWithControlPlane}), which is safe because no step outlives
     * the task that started it: a task that threw has its thread replaced only once it has ended.
     */
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "startup-cache-training");
        thread.setDaemon(true);
        return thread;
    });

    /** How to start an instance of a jar: the command's class-path part and what the sandbox must show. */
    record Launch(List<String> jvmArguments, Path jar, List<Path> readOnly) {
    }

    StartupCache(Path root, AppJars jars, Path java, Sandbox sandbox, boolean enabled) {
        this.root = root;
        this.jars = jars;
        this.java = java;
        this.javaHome = java.toAbsolutePath().getParent().getParent();
        this.sandbox = sandbox;
        this.supported = enabled && javaFeatureVersion(java) >= 25;
        tidyUp(); // before any training: never beside one
    }

    /** Removes, on the training thread, the jar copies and caches no start can use any more. */
    void tidyUp() {
        trainer.execute(() -> {
            jars.removeUnused();
            if (supported) {
                removeUnusable();
            }
        });
    }

    /**
     * The cached start when this jar's cache is ready; otherwise the jar's plain class-path layout
     * ({@link AppJars#plain}), and a training run is scheduled with the instance's own JVM flags
     * and the app's environment (an app that needs its database to start gets it, exactly as the
     * instance does).
     */
    Launch launchFor(AppJars.Copy copy, List<String> jvmFlags, AppSpec app) throws IOException {
        Path jar = copy.jar();
        if (!supported) {
            return plain(copy);
        }
        Path dir = root.resolve(copy.digest());
        Optional<Path> extracted = ready(dir);
        if (extracted.isPresent()) {
            return new Launch(List.of("-XX:AOTCache=" + dir.resolve(CACHE_FILE)), extracted.get(),
                    List.of(dir, extracted.get().getParent()));
        }
        if (scheduled.add(copy.digest())) {
            trainer.execute(() -> train(copy, dir, jvmFlags, app));
        }
        return plain(copy);
    }

    private Launch plain(AppJars.Copy copy) throws IOException {
        Path jar = jars.plain(copy);
        return new Launch(List.of(), jar, List.of(jar.equals(copy.jar()) ? jar : jar.getParent()));
    }

    /** Whether {@link #prepare} would train this jar: a Spring Boot jar with no cache, none under way. */
    boolean needsTraining(AppJars.Copy copy) {
        return supported && !scheduled.contains(copy.digest()) && ready(root.resolve(copy.digest())).isEmpty()
                && SpringBootJar.read(copy.jar()).springBoot();
    }

    /**
     * Schedules a training with a preparation's environment (defaults, a scratch database) before
     * any instance of the jar starts. Should it fail, the first real start trains again with the
     * instance's own environment, as without a preparation.
     *
     * @return completes once the training this scheduled has ended (at once when it scheduled none:
     *         a training of the jar already under way, say); cancelled when the cache is closed first
     */
    CompletableFuture<Void> prepare(AppJars.Copy copy, List<String> jvmFlags, AppSpec app) {
        Path dir = root.resolve(copy.digest());
        if (!supported || !scheduled.add(copy.digest())) {
            return CompletableFuture.completedFuture(null);
        }
        Preparation preparation = new Preparation(() -> {
            train(copy, dir, jvmFlags, app);
            if (ready(dir).isEmpty()) {
                scheduled.remove(copy.digest());
            }
        }, new CompletableFuture<>());
        trainer.execute(preparation);
        return preparation.ended();
    }

    /**
     * A preparation's training on the trainer; {@code ended} tells its caller when it has run, and
     * is cancelled when the cache closed first (closing interrupts a training under way).
     */
    private record Preparation(Runnable training, CompletableFuture<Void> ended) implements Runnable {
        @Override
        public void run() {
            try {
                training.run();
            } finally {
                if (Thread.currentThread().isInterrupted()) {
                    ended.cancel(false);
                } else {
                    ended.complete(null);
                }
            }
        }
    }

    /**
     * The jar a ready cache was made with, which its starts must use: named in its marker, by
     * absolute path (the copy's plain layout), or relative to the folder for a cache made when
     * the training extracted a layout of its own.
     */
    private static Optional<Path> ready(Path dir) {
        try {
            if (!Files.isRegularFile(dir.resolve(READY)) || !Files.isRegularFile(dir.resolve(CACHE_FILE))) {
                return Optional.empty();
            }
            Path jar = dir.resolve(Files.readString(dir.resolve(READY)).strip());
            return Files.isRegularFile(jar) ? Optional.of(jar) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private void train(AppJars.Copy copy, Path dir, List<String> jvmFlags, AppSpec app) {
        long started = System.nanoTime();
        Path jar = copy.jar();
        Path output = dir.resolveSibling(dir.getFileName() + ".log");
        try {
            // The cache records class-path entries by path: the layout instances start from, which never changes.
            Path extracted = jars.plain(copy);
            if (extracted.equals(jar)) {
                log.debug("{} is not a Spring Boot jar; it starts without a startup cache", jar);
                return;
            }
            StateStore.deleteTree(dir);
            Files.deleteIfExists(output);
            Files.createDirectories(dir.resolve("tmp"));
            Files.writeString(dir.resolve(SOURCE), jar.toAbsolutePath().toString());
            List<Path> readOnly = List.of(javaHome, extracted.getParent());
            try {
                if (!record(extracted, dir, output, readOnly, jvmFlags, app)) {
                    return;
                }
                List<String> create = new ArrayList<>(List.of(java.toString()));
                create.addAll(jvmFlags);
                create.addAll(List.of("-XX:AOTMode=create", "-XX:AOTConfiguration=" + dir.resolve(RECORDING),
                        "-XX:AOTCache=" + dir.resolve(CACHE_FILE), "-jar", extracted.toString()));
                finish(start(create, dir, output, readOnly, Map.of()));
            } finally {
                Files.deleteIfExists(dir.resolve(RECORDING)); // tens of MB, of no use once the cache is made
            }
            if (Files.isRegularFile(dir.resolve(CACHE_FILE))) {
                Files.writeString(dir.resolve(READY), extracted.toString());
                log.info("Startup cache for {} ready in {} ms", jar.getFileName(), (System.nanoTime() - started) / 1_000_000);
                tidyUp();
            } else {
                log.warn("The training run of {} made no cache; it keeps starting without one (see {})",
                        jar.getFileName(), output);
            }
        } catch (IOException | RuntimeException e) {
            log.warn("No startup cache for {}: {}", jar.getFileName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Runs the app as an instance would, recording, until it is ready and has answered its first
     * requests; then stops its JVM, which writes the recording as it exits.
     *
     * @return whether a recording was written
     */
    private boolean record(Path extracted, Path dir, Path output, List<Path> readOnly, List<String> jvmFlags,
                           AppSpec app) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(jvmFlags);
        command.addAll(List.of("-XX:AOTMode=record", "-XX:AOTConfiguration=" + dir.resolve(RECORDING),
                "-Djava.io.tmpdir=" + dir.resolve("tmp"), "-jar", extracted.toString()));
        int port = InstanceLauncher.freePort();
        Process process = start(command, dir, output, readOnly, InstanceLauncher.appEnvironment(app, port));
        try {
            String readiness = app.health().readinessPath();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TRAINING_TIMEOUT_SECONDS);
            while (!requests.ready(port, readiness)) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    log.warn("The training run of {} never became ready; it keeps starting without a startup cache (see {})",
                            extracted.getFileName(), output);
                    return false;
                }
                Thread.sleep(200);
            }
            for (int i = 0; i < WARM_UP_REQUESTS; i++) {
                requests.ready(port, InstanceLauncher.routePath(app));
                requests.ready(port, readiness);
            }
            ProcessTree.terminateJava(process.toHandle()); // it writes the recording as it exits
            finish(process);
            return Files.isRegularFile(dir.resolve(RECORDING));
        } finally {
            if (process.isAlive()) {
                ProcessTree.killAndAwait(process.toHandle(), KILLED_EXIT);
            }
        }
    }

    /**
     * Removes each cache whose jar copy is gone, and no live process runs from; caches made before
     * their jar was recorded count as such. Runs on the training thread only, so never beside a
     * training.
     */
    private void removeUnusable() {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<String> commandLines = ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse("")).toList();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path dir : entries.filter(Files::isDirectory).toList()) {
                String folder = dir.toString();
                if (usable(dir) || commandLines.stream().anyMatch(line -> line.contains(folder))) {
                    continue;
                }
                StateStore.deleteTree(dir);
                Files.deleteIfExists(dir.resolveSibling(dir.getFileName() + ".log"));
                scheduled.remove(dir.getFileName().toString()); // the same content again is trained again
                log.info("Removed the startup cache {}: its jar has been rebuilt or removed", dir.getFileName());
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot remove unusable startup caches in {}: {}", root, e.getMessage());
        }
    }

    /** Whether the jar copy this cache was made from is still there (a copy never changes). */
    private static boolean usable(Path dir) {
        try {
            return Files.isRegularFile(Path.of(Files.readString(dir.resolve(SOURCE)).strip()));
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Starts a step confined like an instance, with only {@code dir} writable, at low CPU priority. */
    private Process start(List<String> command, Path dir, Path output, List<Path> readOnly,
                          Map<String, String> environment) throws IOException {
        List<String> niced = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            // A training must never slow the instances citizens are waiting for.
            niced.addAll(List.of("/usr/bin/nice", "-n", String.valueOf(TRAINING_NICE)));
        }
        niced.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrapEndingWithControlPlane(niced, dir, readOnly))
                .directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(output.toFile()));
        Map<String, String> env = builder.environment();
        Map<String, String> inherited = Map.copyOf(env);
        env.clear();
        InstanceLauncher.INHERITED.stream().filter(inherited::containsKey).forEach(n -> env.put(n, inherited.get(n)));
        env.put("HOME", dir.toString());
        env.putAll(environment);
        Process process = builder.start();
        yieldToInstances(process);
        return process;
    }

    /**
     * bubblewrap runs the step in a session of its own, and Linux with autogroup scheduling shares
     * the CPU between sessions before it looks at nice values inside one: niced alone, a training
     * took as much CPU as the instance citizens were waiting for (a jar's first deploy took 10-13 s
     * on 2 cores). So the new session's own nice is raised as well. Without the sandbox the step
     * stays in the control plane's session, where nice is enough; that session is never touched.
     */
    private void yieldToInstances(Process process) {
        Optional<String> ownGroup = autogroup(Path.of("/proc/self/autogroup"));
        if (!sandbox.enabled() || ownGroup.isEmpty()) {
            return;
        }
        // bubblewrap starts the session a moment after it is started itself.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        try {
            while (process.isAlive() && System.nanoTime() < deadline) {
                for (ProcessHandle step : ProcessTree.of(process.toHandle())) {
                    Path file = Path.of("/proc", String.valueOf(step.pid()), "autogroup");
                    Optional<String> group = autogroup(file);
                    if (group.isPresent() && !group.equals(ownGroup)) {
                        Files.writeString(file, String.valueOf(TRAINING_NICE));
                        return;
                    }
                }
                Thread.sleep(10);
            }
        } catch (IOException e) {
            log.debug("Cannot lower the CPU share of a training step: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** "/autogroup-42 nice 0" gives "/autogroup-42"; empty without autogroup scheduling or once the process is gone. */
    private static Optional<String> autogroup(Path file) {
        try {
            String line = Files.readString(file).strip();
            return line.isEmpty() ? Optional.empty() : Optional.of(line.split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static void finish(Process process) throws IOException, InterruptedException {
        try {
            if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                ProcessTree.kill(process.toHandle());
                throw new IOException("did not finish within " + TRAINING_TIMEOUT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            ProcessTree.killAndAwait(process.toHandle(), KILLED_EXIT); // the runtime is closing: no step outlives it
            throw e;
        }
    }

    /**
     * Stops a training under way (its step is killed; nothing is marked ready) and drops the
     * ones waiting: unlike an app's instances, a training is the runtime's own work and must not
     * outlive it. The next runtime over the same folder trains again what a start asks for.
     */
    void close() {
        for (Runnable dropped : trainer.shutdownNow()) {
            if (dropped instanceof Preparation preparation) {
                preparation.ended().cancel(false);
            }
        }
        try {
            trainer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The major version from the JDK's {@code release} file; 0 when unknown. */
    static int javaFeatureVersion(Path java) {
        Path release = java.toAbsolutePath().getParent().getParent().resolve("release");
        try {
            for (String line : Files.readAllLines(release)) {
                if (line.startsWith("JAVA_VERSION=")) {
                    String version = line.substring("JAVA_VERSION=".length()).replace("\"", "");
                    return Integer.parseInt(version.split("[.+-]")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            // unknown: no cache
        }
        return 0;
    }
}
