package org.govpaas.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A Maven-repository layout holding the gov-apps this build produced, so tests deploy the very
 * jars of this build (the local runtime resolves catalog coordinates in such a repository).
 */
public final class TestArtifacts {

    /** Every gov-app the catalog offers; platform-core's pom lists them as test dependencies so they build first. */
    private static final java.util.List<String> APPS = java.util.List.of("notice-board", "appointments", "permits", "hotline");
    private static Path repository;

    private TestArtifacts() {
    }

    public static synchronized Path repository() {
        if (repository == null) {
            try {
                repository = Files.createTempDirectory("govpaas-test-m2");
                for (String app : APPS) {
                    copy(app);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return repository;
    }

    private static void copy(String app) throws IOException {
        String version = "0.1.0-SNAPSHOT";
        Path built = repoRoot().resolve("gov-apps/" + app + "/target/" + app + "-" + version + ".jar");
        if (!Files.isRegularFile(built)) {
            throw new IllegalStateException(built + " is missing: build gov-apps first (mvn -pl gov-apps/" + app
                    + " -am package, or run ./govpaas test)");
        }
        Path target = repository.resolve("org/govpaas/apps/" + app + "/" + version + "/" + app + "-" + version + ".jar");
        Files.createDirectories(target.getParent());
        Files.copy(built, target, StandardCopyOption.REPLACE_EXISTING);
    }

    private static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("gov-apps"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("cannot find the repository root from " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
