package org.govpaas.runtime.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract suite is only as good as its test app: run the packaged jar the way a runtime would. */
class TestAppTest {

    @TempDir
    Path dir;

    @Test
    void theJarServesReadinessEnvironmentAndProbe() throws Exception {
        Path jar = TestAppJar.build(dir);
        int port = freePort();
        Path probe = dir.resolve("probe.txt");
        Process process = start(jar, Map.of("PORT", String.valueOf(port), "GREETING", "hello",
                TestApp.PROBE_PATH, probe.toString(), TestApp.READINESS_PATH, "/health"));
        try {
            String address = "127.0.0.1:" + port;
            await().atMost(Duration.ofSeconds(20)).until(() -> Http.get(address, "/health").status() == 200);
            assertThat(Http.get(address, "/env/GREETING").body()).isEqualTo("hello");
            assertThat(Http.get(address, "/env/NOT_SET").status()).isEqualTo(404);
            assertThat(Http.get(address, "/probe").body()).isEqualTo("written");
            assertThat(probe).hasContent("written by the test app");
        } finally {
            process.destroyForcibly().waitFor();
        }
    }

    @Test
    void failingBehavioursExitWithTheirCodeOnlyWhereAsked() throws Exception {
        Path jar = TestAppJar.build(dir);
        Process exits = start(jar, Map.of(TestApp.BEHAVIOUR, "EXIT_AT_START"));
        assertThat(exits.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(exits.exitValue()).isEqualTo(TestApp.EXIT_CODE);
        assertThat(Files.readString(dir.resolve("out.log"))).contains("exits with code 3");

        Process failing = start(jar, Map.of(TestApp.BEHAVIOUR, "FAIL_ONE_INSTANCE", "GOVPAAS_INSTANCE_INDEX", "2"));
        assertThat(failing.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(failing.exitValue()).isEqualTo(TestApp.EXIT_CODE);
    }

    private Process start(Path jar, Map<String, String> env) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        return builder.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
