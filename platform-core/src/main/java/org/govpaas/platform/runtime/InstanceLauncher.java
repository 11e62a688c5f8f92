package org.govpaas.platform.runtime;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.govpaas.runtime.AppSpec;

/**
 * Starts one instance process: {@code java -jar} with arguments as a list (no shell ever
 * interprets a spec value), in its own directory, on a free loopback port, its heap bounded by
 * the spec's memory, its output appended to a file (not a pipe: a process adopted by a later
 * control plane must keep somewhere to write). Starts instances from the runtime's own jar copies
 * and their startup caches, whose trainings it has made (also before any instance, to prepare a
 * jar) and stops with the runtime.
 */
final class InstanceLauncher {

    /**
     * What a Spring Boot app's JVM takes besides its heap, with the flags of {@link #memoryFlags}:
     * metaspace (43 MB for the notice board), code (30 MB), symbols and the shared class space
     * (25 MB), threads, the JIT's arenas and the collector's own, measured with native memory
     * tracking under load. 112 MB left the notice board at 258 of its 256 MiB; 128 MB at 245.
     */
    private static final int NON_HEAP_MB = 128;
    /** The only variables of the control plane's own environment an app gets; the rest may hold platform secrets. */
    static final List<String> INHERITED = List.of("PATH", "LANG", "LC_ALL", "TZ");

    private final LocalRuntimeProperties settings;
    private final Sandbox sandbox;
    private final AppJars jars;
    private final StartupCache startupCache;

    InstanceLauncher(LocalRuntimeProperties settings, Sandbox sandbox) {
        this.settings = settings;
        this.sandbox = sandbox;
        // Folder names no department code can take (codes are DNS labels), so app state never meets them.
        this.jars = new AppJars(settings.stateDir().resolve(".jars"));
        this.startupCache = new StartupCache(settings.stateDir().resolve(".startup-cache"), jars,
                settings.javaExecutable(), sandbox, settings.startupCache());
    }

    /** Stops the startup cache's trainings; instances are not the launcher's to stop. */
    void close() {
        startupCache.close();
    }

    boolean sandboxed() {
        return sandbox.enabled();
    }

    /** Whether {@link #prepare} would do anything for this jar (copied here if it was not). */
    boolean needsPreparation(Path jar) throws IOException {
        return startupCache.needsTraining(copyOf(jar));
    }

    /** Has the jar's startup cache made when it has none; starts no instance. Completes once that has ended. */
    CompletableFuture<Void> prepare(AppSpec spec) throws IOException {
        AppJars.Copy jar = copyOf(spec);
        return startupCache.prepare(jar, jvmFlags(spec, jar), spec);
    }

    private AppJars.Copy copyOf(AppSpec spec) throws IOException {
        return copyOf(spec.artifact().jar());
    }

    private AppJars.Copy copyOf(Path source) throws IOException {
        AppJars.Copy jar = jars.copyOf(source);
        if (jar.made()) {
            startupCache.tidyUp(); // a rebuild: the copy of the jar before it may now be unused
        }
        return jar;
    }

    private static List<String> jvmFlags(AppSpec spec, AppJars.Copy jar) {
        List<String> flags = new ArrayList<>(memoryFlags(spec.memoryMb()));
        flags.addAll(SpringBootJar.read(jar.jar()).jvmFlags());
        return flags;
    }

    /**
     * Keeps the whole process within the app's memory setting, which is what the department's
     * quota counted, not only its heap: a heap of 75 % left a notice board at 256 MiB using
     * 259-296 MiB under load. Holds for a Spring Boot app from 256 MiB up; below that the heap
     * keeps half the setting and the JVM's own needs go beyond it.
     * <ul>
     *   <li>The serial collector is the JVM's own choice for heaps this size on a small machine;
     *       G1's remembered sets and card tables alone took 40 MB of that notice board, for no more
     *       throughput (8.4-8.9k against 7.3-8.4k pages/s, warm).</li>
     *   <li>The code cache is bounded (about 30 MB used). The metaspace is not: a bound the size of
     *       these apps' own (43-70 MB) makes the startup cache's training fail to write its archive.</li>
     * </ul>
     */
    private static List<String> memoryFlags(int memoryMb) {
        int heap = Math.max(memoryMb - NON_HEAP_MB, memoryMb / 2);
        return List.of("-Xmx" + heap + "m", "-XX:+UseSerialGC", "-XX:ReservedCodeCacheSize=64m",
                "-XX:+ExitOnOutOfMemoryError");
    }

    /** Starts the instance's process and records it on {@code instance}. */
    void launch(AppSpec spec, Instance instance, Instant now) throws IOException {
        Files.createDirectories(instance.dir.resolve("tmp"));
        Files.createDirectories(instance.output.getParent());
        InstanceOutput.rotate(instance.output, settings.maxOutputSize().toBytes());
        int port = freePort();
        AppJars.Copy jar = copyOf(spec);
        List<String> flags = jvmFlags(spec, jar);
        StartupCache.Launch start = startupCache.launchFor(jar, flags, spec);
        List<String> java = new ArrayList<>(List.of(settings.javaExecutable().toString()));
        java.addAll(flags);
        java.addAll(start.jvmArguments());
        java.addAll(List.of("-Djava.io.tmpdir=" + instance.dir.resolve("tmp"),
                ProcessTree.INSTANCE_DIR_PROPERTY + instance.dir,
                "-jar", start.jar().toString()));
        Path javaHome = settings.javaExecutable().toAbsolutePath().getParent().getParent();
        List<Path> readOnly = new ArrayList<>(start.readOnly());
        readOnly.add(javaHome);
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(java, instance.dir, readOnly))
                .directory(instance.dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(instance.output.toFile()));
        environment(builder.environment(), spec, instance, port);
        instance.launched(builder.start(), sandbox.enabled(), port, now);
    }

    private static void environment(Map<String, String> env, AppSpec spec, Instance instance, int port) {
        Map<String, String> inherited = Map.copyOf(env);
        env.clear();
        INHERITED.stream().filter(inherited::containsKey).forEach(name -> env.put(name, inherited.get(name)));
        env.put("HOME", instance.dir.toString());
        env.putAll(appEnvironment(spec, port));
        env.put("GOVPAAS_INSTANCE_INDEX", String.valueOf(instance.index));
    }

    /** The spec's environment and where the app listens and is routed, as every run of it gets them. */
    static Map<String, String> appEnvironment(AppSpec spec, int port) {
        Map<String, String> env = new LinkedHashMap<>(spec.environment());
        // Set last: an app cannot move itself to another port or route.
        env.put("PORT", String.valueOf(port));
        env.put("SERVER_PORT", String.valueOf(port));
        env.put("SERVER_ADDRESS", "127.0.0.1");
        env.put("GOVPAAS_ROUTE_PATH", routePath(spec));
        return env;
    }

    static String routePath(AppSpec spec) {
        return spec.routePath() == null ? "/" : spec.routePath();
    }

    /** A port free now; if another process takes it first, the instance fails to bind and is restarted. */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
