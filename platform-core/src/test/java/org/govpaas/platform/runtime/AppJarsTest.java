package org.govpaas.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.govpaas.platform.runtime.LocalRuntimeProperties.SandboxMode;
import org.govpaas.platform.testing.TestArtifacts;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.RuntimeState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * App jars as a developer meets them: the catalog names a jar in the local Maven repository, and
 * every build ({@code mvn install}, {@code ./govpaas test}) puts new content at that path while
 * apps run from it.
 */
class AppJarsTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String NOTICE_BOARD = "org/govpaas/apps/notice-board/0.1.0-SNAPSHOT/notice-board-0.1.0-SNAPSHOT.jar";
    private static final String PERMITS = "org/govpaas/apps/permits/0.1.0-SNAPSHOT/permits-0.1.0-SNAPSHOT.jar";

    @TempDir
    Path stateDir;
    @TempDir
    Path jars;

    private LocalRuntime runtime;

    @AfterEach
    void stop() {
        if (runtime != null) {
            runtime.apps().forEach(runtime::delete);
            runtime.close();
        }
    }

    @Test
    void aRunningAppKeepsServingWhenItsJarIsRebuiltUnderIt() throws Exception {
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        Path jar = Files.copy(TestArtifacts.repository().resolve(NOTICE_BOARD), jars.resolve("notice-board.jar"));
        AppId id = new AppId("civil-affairs", "notices");
        runtime.apply(spec(id, jar));
        AppStatus status = awaitRunning(id);
        assertThat(commandLines(id)).singleElement().asString().doesNotContain(jar.toString());

        // What a build does: new content (here another app's) written over the jar, as the Spring Boot plugin repackages.
        Files.write(jar, Files.readAllBytes(TestArtifacts.repository().resolve(PERMITS)));

        String address = status.instances().getFirst().address();
        HttpResponse<String> board = get(address, "/apps/civil-affairs/notices/");
        assertThat(board.statusCode()).isEqualTo(200);
        assertThat(board.body()).contains("Notices");
        assertThat(get(address, "/apps/civil-affairs/notices/no-such-page").statusCode()).isEqualTo(404);
        assertThat(get(address, "/apps/civil-affairs/notices/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(runtime.status(id).state()).isEqualTo(RuntimeState.RUNNING);
    }

    /**
     * An instance runs from its jar's plain class-path layout, made from the runtime's copy, and
     * not through Spring Boot's nested-jar loader, whose locks can deadlock a new JVM's first
     * concurrent requests (see {@link AppJars#plain}).
     */
    @Test
    void anInstanceRunsFromThePlainClassPathLayoutOfItsJar() throws Exception {
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        Path jar = Files.copy(TestArtifacts.repository().resolve(NOTICE_BOARD), jars.resolve("notice-board.jar"));
        AppId id = new AppId("civil-affairs", "notices");
        runtime.apply(spec(id, jar));
        AppStatus status = awaitRunning(id);

        Path plain = folders(stateDir.resolve(".jars")).getFirst().resolve("notice-board.plain").resolve("notice-board.jar");
        assertThat(commandLines(id)).singleElement().asString().contains("-jar " + plain);
        try (JarFile thin = new JarFile(plain.toFile())) {
            Attributes manifest = thin.getManifest().getMainAttributes();
            assertThat(manifest.getValue("Main-Class")).isEqualTo("org.govpaas.apps.noticeboard.NoticeBoardApplication");
            assertThat(Collections.list(thin.entries()).stream().map(JarEntry::getName).toList())
                    .contains("org/govpaas/apps/noticeboard/NoticeBoardApplication.class", "templates/board.html")
                    .noneMatch(name -> name.startsWith("org/springframework/boot/loader/") || name.startsWith("BOOT-INF/"))
                    .as("nor the loader's own file-system provider, whose class is not there")
                    .doesNotContain("META-INF/services/java.nio.file.spi.FileSystemProvider");
            assertThat(manifest.getValue("Class-Path").split(" ")).as("every library, in the build's order")
                    .containsExactlyElementsOf(buildOrder(jar))
                    .allSatisfy(entry -> assertThat(plain.resolveSibling(entry)).isRegularFile());
        }
        assertThat(get(status.instances().getFirst().address(), "/apps/civil-affairs/notices/").statusCode()).isEqualTo(200);
    }

    /**
     * Every build makes a new copy (30-60 MB): the copy of a jar since rebuilt goes once no
     * instance runs from it, here at the platform's next start, while that of the jar as it is
     * now stays.
     */
    @Test
    void theCopyOfARebuiltJarIsRemovedOnceNoInstanceRunsFromIt() throws Exception {
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.OFF));
        Path jar = Files.copy(TestArtifacts.repository().resolve(NOTICE_BOARD), jars.resolve("notice-board.jar"));
        AppId first = new AppId("civil-affairs", "notices");
        runtime.apply(spec(first, jar));
        awaitRunning(first);
        Path copies = stateDir.resolve(".jars");
        assertThat(folders(copies)).hasSize(1);
        Path old = folders(copies).getFirst();

        StartupCacheTest.rebuild(jar);
        AppId second = new AppId("civil-affairs", "rebuilt");
        runtime.apply(spec(second, jar));
        awaitRunning(second);
        assertThat(folders(copies)).as("the rebuilt jar has a copy of its own").hasSize(2).contains(old);

        runtime.delete(first);
        runtime.close();
        runtime = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.OFF));
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() -> !Files.exists(old));
        assertThat(folders(copies)).as("the copy the second app runs from stays").hasSize(1);
        assertThat(commandLines(second)).singleElement().asString().contains(folders(copies).getFirst().toString());
    }

    /** The libraries of a Spring Boot jar as its build's class-path index lists them, as lib/ entries. */
    private static List<String> buildOrder(Path jar) throws IOException {
        try (JarFile fat = new JarFile(jar.toFile())) {
            String index = new String(fat.getInputStream(fat.getEntry("BOOT-INF/classpath.idx")).readAllBytes(),
                    StandardCharsets.UTF_8);
            return index.lines().map(line -> line.replaceAll("^- \"BOOT-INF/(lib/.+)\"$", "$1")).toList();
        }
    }

    private AppStatus awaitRunning(AppId id) {
        return await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> runtime.status(id), s -> s.state() == RuntimeState.RUNNING);
    }

    private static List<Path> folders(Path root) throws IOException {
        try (Stream<Path> entries = Files.list(root)) {
            return entries.filter(Files::isDirectory).toList();
        }
    }

    private List<String> commandLines(AppId id) {
        return LocalProcesses.jvms(stateDir, id).stream()
                .map(p -> String.join(" ", p.info().arguments().orElse(new String[0]))).toList();
    }

    private static HttpResponse<String> get(String address, String path) throws Exception {
        // A JVM whose jar changed under it can hang on a request: a timeout turns that into a failure.
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://" + address + path)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static AppSpec spec(AppId id, Path jar) {
        String route = "/apps/" + id.department() + "/" + id.name() + "/";
        return new AppSpec(id, 1, new AppSpec.Artifact(jar, null), 1, 256, Map.of("GOVPAAS_PARAM_TITLE", "Notices"),
                new AppSpec.HealthCheck(route + "actuator/health/readiness", 60), IsolationTier.PROCESS, route, 0);
    }
}
