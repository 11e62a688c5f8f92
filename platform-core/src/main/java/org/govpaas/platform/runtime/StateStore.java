package org.govpaas.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.govpaas.runtime.AppId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the local runtime must remember across a control-plane restart, one JSON file per app in
 * {@code <stateDir>/<department>/<app>/app.json}. The spec's environment is never written: it
 * holds secrets, and the control plane hands it over again when it re-applies the spec.
 */
final class StateStore {

    private static final Logger log = LoggerFactory.getLogger(StateStore.class);
    private static final String FILE = "app.json";

    /**
     * The applied spec without its environment, and the instances that were started for it.
     * {@code restartGeneration} is null in files written before restarts were recorded (Jackson 3
     * refuses a missing primitive), which means 0.
     */
    record AppRecord(String department, String name, long generation, long templateGeneration, String jar,
                     int instances, int memoryMb, String readinessPath, int startupTimeoutSeconds,
                     String isolation, String routePath, Long restartGeneration, List<InstanceRecord> instanceRecords) {
    }

    /** @param pid 0 when no process ran at the time of writing */
    record InstanceRecord(int index, long templateGeneration, long pid, Instant startedAt, int port,
                          boolean sandboxed, int restarts) {
    }

    private final Path root;
    private final JsonMapper json = JsonMapper.builder().build();

    StateStore(Path root) {
        this.root = root;
    }

    Path appDir(AppId id) {
        return root.resolve(id.department()).resolve(id.name());
    }

    /** Written to a temporary file and moved, so a crash leaves the old or the new file, never half of one. */
    void save(AppRecord record) {
        Path dir = appDir(new AppId(record.department(), record.name()));
        try {
            Files.createDirectories(dir);
            Path temporary = dir.resolve(FILE + ".tmp");
            Files.write(temporary, json.writeValueAsBytes(record));
            Files.move(temporary, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record the state of " + record.department() + "/" + record.name(), e);
        }
    }

    /** Every app recorded; an unreadable file is reported and skipped rather than stopping the platform. */
    List<AppRecord> loadAll() {
        List<AppRecord> records = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return records;
        }
        try (Stream<Path> files = Files.find(root, 3, (path, attributes) ->
                attributes.isRegularFile() && path.getFileName().toString().equals(FILE))) {
            for (Path file : files.toList()) {
                try {
                    AppRecord record = json.readValue(Files.readAllBytes(file), AppRecord.class);
                    new AppId(record.department(), record.name()); // refuse a file naming a path outside
                    if (file.getParent().equals(appDir(new AppId(record.department(), record.name())))) {
                        records.add(record);
                    }
                } catch (IOException | JacksonException | IllegalArgumentException e) {
                    log.error("Ignoring unreadable app state {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local runtime state in " + root, e);
        }
        return records;
    }

    /** Removes the app's folder: state, instance directories and output. */
    void remove(AppId id) {
        deleteTree(appDir(id));
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        // Walking does not follow symbolic links, so a link an app planted is removed, not its target.
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot remove " + dir, e);
        }
    }
}
