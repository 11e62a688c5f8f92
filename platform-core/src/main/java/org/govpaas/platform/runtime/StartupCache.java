package org.govpaas.platform.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes app JVMs start about twice as fast with the JDK's ahead-of-time cache (JEP 483/514):
 * loaded and linked classes of a training run are stored once per jar and mapped by every later
 * start. The first start of a jar runs without it; right after, a background training run
 * (niced, sandboxed like an instance) extracts the Spring Boot jar (the cache needs plain jars
 * on the class path) and starts it up to the end of its context refresh
 * ({@code -Dspring.context.exit=onRefresh}, no port bound) with {@code -XX:AOTCacheOutput}. Later
 * starts of the same jar content use the extracted jar with {@code -XX:AOTCache}.
 *
 * <p>Keyed by the jar's content digest, so a rebuilt SNAPSHOT gets a new cache. A cache the JVM
 * cannot use (other flags, another JDK) is ignored by the JVM itself ({@code AOTMode=auto}); a
 * failed training leaves no marker and the jar simply keeps starting the plain way.
 */
final class StartupCache {

    private static final Logger log = LoggerFactory.getLogger(StartupCache.class);
    private static final String READY = "ready";
    private static final String CACHE_FILE = "app.aot";
    private static final long TRAINING_TIMEOUT_SECONDS = 300;

    private final Path root;
    private final Path java;
    private final Sandbox sandbox;
    private final boolean supported;
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final ExecutorService trainer = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "startup-cache-training");
        thread.setDaemon(true);
        return thread;
    });

    /** How to start an instance of a jar: the command's class-path part and what the sandbox must show. */
    record Launch(List<String> jvmArguments, Path jar, List<Path> readOnly) {
    }

    StartupCache(Path root, Path java, Sandbox sandbox, boolean enabled) {
        this.root = root;
        this.java = java;
        this.sandbox = sandbox;
        this.supported = enabled && javaFeatureVersion(java) >= 25;
    }

    /**
     * The cached start when this jar's cache is ready; otherwise the plain jar, and a training run
     * is scheduled with the instance's own JVM flags and environment (an app that needs its
     * database to refresh its context gets it, exactly as the instance does).
     */
    Launch launchFor(Path jar, List<String> jvmFlags, Map<String, String> environment) {
        if (!supported) {
            return new Launch(List.of(), jar, List.of(jar));
        }
        Optional<String> digest = digest(jar);
        if (digest.isEmpty()) {
            return new Launch(List.of(), jar, List.of(jar));
        }
        Path dir = root.resolve(digest.get());
        Optional<Path> extracted = ready(dir);
        if (extracted.isPresent()) {
            return new Launch(List.of("-XX:AOTCache=" + dir.resolve(CACHE_FILE)), extracted.get(), List.of(dir));
        }
        if (scheduled.add(digest.get())) {
            trainer.execute(() -> train(jar, dir, jvmFlags, environment));
        }
        return new Launch(List.of(), jar, List.of(jar));
    }

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

    private void train(Path jar, Path dir, List<String> jvmFlags, Map<String, String> environment) {
        long started = System.nanoTime();
        try {
            if (!isSpringBootJar(jar)) {
                log.debug("{} is not a Spring Boot jar; it starts without a startup cache", jar);
                return;
            }
            StateStore.deleteTree(dir);
            Files.createDirectories(dir.resolve("tmp"));
            Path javaHome = java.toAbsolutePath().getParent().getParent();
            // The cache records class-path entries by path, so extract straight into the final folder.
            run(List.of(java.toString(), "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination",
                    dir.resolve("app").toString()), dir, List.of(jar, javaHome), Map.of());
            Path extracted = dir.resolve("app").resolve(jar.getFileName());
            if (!Files.isRegularFile(extracted)) {
                log.warn("Extracting {} produced no {}; it starts without a startup cache", jar, extracted.getFileName());
                return;
            }
            List<String> command = new ArrayList<>(List.of(java.toString()));
            command.addAll(jvmFlags);
            command.addAll(List.of("-XX:AOTCacheOutput=" + dir.resolve(CACHE_FILE), "-Djava.io.tmpdir=" + dir.resolve("tmp"),
                    "-Dspring.context.exit=onRefresh", "-Dserver.port=0", "-jar", extracted.toString()));
            Map<String, String> env = new HashMap<>(environment);
            env.put("PORT", "0");
            env.put("SERVER_PORT", "0");
            run(command, dir, List.of(javaHome), env);
            if (Files.isRegularFile(dir.resolve(CACHE_FILE))) {
                Files.writeString(dir.resolve(READY), dir.relativize(extracted).toString());
                log.info("Startup cache for {} ready in {} ms", jar.getFileName(), (System.nanoTime() - started) / 1_000_000);
            } else {
                log.warn("The training run of {} wrote no cache; it keeps starting without one (see {})",
                        jar.getFileName(), dir.resolve("training.log"));
            }
        } catch (IOException | RuntimeException e) {
            log.warn("No startup cache for {}: {}", jar.getFileName(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Runs a step confined like an instance, with only {@code dir} writable, at low CPU priority. */
    private void run(List<String> command, Path dir, List<Path> readOnly, Map<String, String> environment)
            throws IOException, InterruptedException {
        List<String> niced = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
            // A training must never slow the instances citizens are waiting for.
            niced.addAll(List.of("/usr/bin/nice", "-n", "15"));
        }
        niced.addAll(command);
        ProcessBuilder builder = new ProcessBuilder(sandbox.wrap(niced, dir, readOnly))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("training.log").toFile()));
        Map<String, String> env = builder.environment();
        Map<String, String> inherited = Map.copyOf(env);
        env.clear();
        InstanceLauncher.INHERITED.stream().filter(inherited::containsKey).forEach(n -> env.put(n, inherited.get(n)));
        env.put("HOME", dir.toString());
        env.putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(TRAINING_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException("did not finish within " + TRAINING_TIMEOUT_SECONDS + " s");
        }
    }

    private Optional<String> digest(Path jar) {
        try {
            String key = jar + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
            String known = digests.get(key);
            if (known != null) {
                return Optional.of(known);
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(jar), sha)) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            String digest = HexFormat.of().formatHex(sha.digest(), 0, 16);
            digests.put(key, digest);
            return Optional.of(digest);
        } catch (IOException | NoSuchAlgorithmException e) {
            return Optional.empty();
        }
    }

    private static boolean isSpringBootJar(Path jar) throws IOException {
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.getManifest() != null && file.getManifest().getMainAttributes().getValue("Spring-Boot-Version") != null;
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
