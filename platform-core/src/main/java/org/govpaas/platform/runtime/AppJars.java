package org.govpaas.platform.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local runtime's own copies of app jars: instances never run from the jar the catalog names.
 * That jar lies in the local Maven repository or a build folder, and every build ({@code mvn
 * install}, {@code ./govpaas test}) writes new content there while apps run from it; a Spring Boot
 * JVM whose jar is rewritten under it hangs or fails on its next class or resource load (the app
 * then stops answering citizens).
 *
 * <p>Each content is copied once, into a folder named by its digest, and a copy never changes; a
 * rebuilt jar gets a new copy at its next launch. The digest also keys the jar's startup cache.
 * A copy whose source has since been rebuilt or removed goes once no live process runs from it.
 */
final class AppJars {

    private static final Logger log = LoggerFactory.getLogger(AppJars.class);
    /** The jar a copy was made from, by absolute path. */
    private static final String SOURCE = "source";
    /** Beside a copy, ending the name of its plain class-path layout's folder ({@link #plain}). */
    private static final String PLAIN = ".plain";
    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String LIBRARIES = "BOOT-INF/lib/";
    /** A copy handed out this recently may not have its process yet: it is never removed. */
    private static final long HANDED_OUT_GRACE_NANOS = 120_000_000_000L;

    private final Path root;
    /** Digests of source jars by path, size and modification time: a build changes at least one. */
    private final Map<String, String> digests = new ConcurrentHashMap<>();
    private final Map<String, Long> handedOut = new ConcurrentHashMap<>();

    /** A copy of an app jar and the digest of its content. */
    record Copy(Path jar, String digest, boolean made) {
    }

    AppJars(Path root) {
        this.root = root;
    }

    /** The copy of the jar's current content, made now if there is none yet. */
    synchronized Copy copyOf(Path source) throws IOException {
        Path jar = source.toAbsolutePath().normalize();
        String key = key(jar);
        String known = digests.get(key);
        if (known != null) {
            Path copy = root.resolve(known).resolve(jar.getFileName());
            if (Files.isRegularFile(copy)) {
                handedOut.put(known, System.nanoTime());
                return new Copy(copy, known, false);
            }
        }
        Files.createDirectories(root);
        Path partial = Files.createTempFile(root, ".copy-", ".part");
        try {
            String digest = copy(jar, partial);
            if (key(jar).equals(key)) { // not rebuilt while it was read
                digests.put(key, digest);
            }
            Path dir = root.resolve(digest);
            Path copy = dir.resolve(jar.getFileName());
            handedOut.put(digest, System.nanoTime());
            if (Files.isRegularFile(copy)) {
                return new Copy(copy, digest, false);
            }
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(SOURCE), jar.toString());
            Files.move(partial, copy, StandardCopyOption.ATOMIC_MOVE);
            copy.toFile().setReadOnly();
            return new Copy(copy, digest, true);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * The copy laid out on a plain class path, made once per copy beside it: {@code <name>.plain/<name>.jar}
     * (the app's own classes and resources, with its main class and a {@code Class-Path} of its
     * libraries in their build order) and {@code <name>.plain/lib/}, as Spring Boot's own
     * {@code jarmode=tools extract} lays a jar out. Why: started from the executable jar, an app
     * loads its classes through Spring Boot's nested-jar loader, whose locks can deadlock when a new
     * JVM's first requests load classes at once on virtual threads (spring-boot#51379, #51463): the
     * instance then answers nothing, for good, and a citizen's request waits for the gateway's
     * answer timeout. The JDK's own loader over plain jars has no such locks, and starts a little
     * sooner too. The jar is only read as a zip: none of its code runs. A jar that Spring Boot did
     * not package is its own plain layout.
     */
    synchronized Path plain(Copy copy) throws IOException {
        String name = copy.jar().getFileName().toString();
        // Named after the jar: two jars of the same content share the copy's folder.
        Path dir = copy.jar().resolveSibling(name.substring(0, name.length() - ".jar".length()) + PLAIN);
        Path thin = dir.resolve(name);
        if (Files.isRegularFile(thin)) {
            return thin;
        }
        try (JarFile fat = new JarFile(copy.jar().toFile())) {
            Manifest manifest = fat.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue("Start-Class");
            if (main == null || fat.getEntry(CLASSES) == null) {
                return copy.jar();
            }
            try (Stream<Path> left = Files.list(copy.jar().getParent())) {
                left.filter(p -> p.getFileName().toString().startsWith(".plain-")).forEach(StateStore::deleteTree);
            }
            Path partial = Files.createTempDirectory(copy.jar().getParent(), ".plain-");
            try {
                layOut(fat, manifest, main, partial.resolve(name), partial.resolve("lib"));
                Files.move(partial, dir, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                StateStore.deleteTree(partial);
            }
        }
        return thin;
    }

    private static void layOut(JarFile fat, Manifest manifest, String main, Path thin, Path libFolder)
            throws IOException {
        List<String> libraries = libraries(fat);
        Path lib = Files.createDirectories(libFolder).toAbsolutePath().normalize();
        Manifest plain = new Manifest(manifest);
        Attributes attributes = plain.getMainAttributes();
        attributes.keySet().removeIf(name -> name.toString().startsWith("Spring-Boot-")
                && !name.toString().equals("Spring-Boot-Version"));
        attributes.remove(new Attributes.Name("Start-Class"));
        attributes.put(Attributes.Name.MAIN_CLASS, main);
        attributes.put(Attributes.Name.CLASS_PATH, String.join(" ", libraries.stream()
                .map(entry -> "lib/" + entry.substring(LIBRARIES.length())).toList()));
        Set<String> written = new HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(thin), plain)) {
            written.add(JarFile.MANIFEST_NAME);
            for (JarEntry entry : Collections.list(fat.entries())) {
                String name = entry.getName();
                String target;
                if (name.startsWith(LIBRARIES) && !entry.isDirectory()) {
                    Path library = lib.resolve(name.substring(LIBRARIES.length())).normalize();
                    if (!lib.equals(library.getParent())) {
                        throw new IOException("the jar names a library outside its lib folder: " + name);
                    }
                    try (InputStream in = fat.getInputStream(entry)) {
                        Files.copy(in, library);
                    }
                    continue;
                } else if (name.startsWith(CLASSES)) {
                    target = name.substring(CLASSES.length());
                } else {
                    // The loader's classes, its META-INF (a file-system provider of the loader's
                    // among them) and the build's indexes: none belongs on a plain class path.
                    continue;
                }
                if (target.isEmpty() || !written.add(target)) {
                    continue;
                }
                out.putNextEntry(new JarEntry(target));
                if (!entry.isDirectory()) {
                    try (InputStream in = fat.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                }
                out.closeEntry();
            }
        }
    }

    /** The jar's libraries in their class-path order: the build's index, else the jar's order. */
    private static List<String> libraries(JarFile fat) throws IOException {
        JarEntry index = fat.getJarEntry("BOOT-INF/classpath.idx");
        if (index != null) {
            try (InputStream in = fat.getInputStream(index)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::strip)
                        .filter(line -> line.startsWith("- \"") && line.endsWith("\""))
                        .map(line -> line.substring(3, line.length() - 1))
                        .filter(entry -> entry.startsWith(LIBRARIES)).toList();
            }
        }
        return Collections.list(fat.entries()).stream().map(JarEntry::getName)
                .filter(name -> name.startsWith(LIBRARIES) && !name.endsWith("/")).toList();
    }

    /**
     * Removes each copy whose source is gone or has other content now, unless a live process runs
     * from it or it was just handed out; and what a copy interrupted by a crash left.
     */
    void removeUnused() {
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> unused = new ArrayList<>();
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.toList()) {
                if (!Files.isDirectory(entry)) {
                    continue;
                }
                if (!current(entry)) {
                    unused.add(entry);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            log.warn("Cannot look for unused app jar copies in {}: {}", root, e.getMessage());
            return;
        }
        List<String> commandLines = ProcessHandle.allProcesses()
                .map(process -> process.info().commandLine().orElse("")).toList();
        synchronized (this) {
            removePartialCopies();
            for (Path dir : unused) {
                Long given = handedOut.get(dir.getFileName().toString());
                String folder = dir.toString();
                if ((given != null && System.nanoTime() - given < HANDED_OUT_GRACE_NANOS)
                        || commandLines.stream().anyMatch(line -> line.contains(folder))) {
                    continue;
                }
                StateStore.deleteTree(dir);
                handedOut.remove(dir.getFileName().toString());
                log.info("Removed the copy {} of an app jar since rebuilt or removed", dir.getFileName());
            }
        }
    }

    /** Whether a copy still has its source's content. */
    private boolean current(Path dir) {
        try {
            Path source = Path.of(Files.readString(dir.resolve(SOURCE)).strip());
            return Files.isRegularFile(source) && digest(source).filter(dir.getFileName().toString()::equals).isPresent();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    private void removePartialCopies() {
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().startsWith(".copy-")).toList()) {
                Files.deleteIfExists(entry); // called under the lock: no copy is being made
            }
        } catch (IOException | UncheckedIOException e) {
            log.debug("Cannot remove partial copies in {}: {}", root, e.toString());
        }
    }

    private Optional<String> digest(Path jar) {
        try {
            String key = key(jar);
            String known = digests.get(key);
            if (known != null) {
                return Optional.of(known);
            }
            String digest = copy(jar, null);
            digests.put(key, digest);
            return Optional.of(digest);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Copies the jar to {@code target} (none: only reads it) and gives the digest of what was read. */
    private static String copy(Path jar, Path target) throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        try (InputStream in = Files.newInputStream(jar);
             OutputStream out = new DigestOutputStream(target == null ? OutputStream.nullOutputStream()
                     : Files.newOutputStream(target), sha)) {
            in.transferTo(out);
        }
        return HexFormat.of().formatHex(sha.digest(), 0, 16);
    }

    private static String key(Path jar) throws IOException {
        return jar + ":" + Files.size(jar) + ":" + Files.getLastModifiedTime(jar).toMillis();
    }
}
