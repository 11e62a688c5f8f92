package org.govpaas.platform.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * A platform on the local runtime prepares its catalog as it starts: each app's startup cache is
 * trained in the background against a scratch database before anyone deploys it, so a
 * department's very first deploy of the app already starts from the cache.
 */
@TestPropertySource(properties = {"govpaas.runtime.local.startup-cache=true",
        "govpaas.runtime.local.prepare-catalog=true"})
// Closed after this class, which stops the trainings still queued: they would only compete with later tests.
@DirtiesContext
class CatalogPreparationTest extends PlatformIntegrationTest {

    @Autowired
    Environment environment;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theFirstDeployOfACatalogAppStartsFromTheCacheMadeWhenThePlatformStarted() throws IOException {
        assumeThat(Runtime.version().feature()).as("the ahead-of-time cache needs JDK 25").isGreaterThanOrEqualTo(25);
        Path apps = Path.of(environment.getRequiredProperty("govpaas.data-dir"), "apps");

        // Appointments comes first (templates by id); it needs a database, so it trains with a scratch one.
        Path cache = await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                .until(() -> readyCache(apps.resolve(".startup-cache"), "appointments-"), Optional::isPresent).get();
        assertThat(cache.resolveSibling(cache.getFileName() + ".log")).as("the training migrated its own database")
                .content().contains("Successfully applied").contains("Started AppointmentsApplication");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(jdbc.queryForList("select 1 from pg_database where datname = 'prep_appointments'"))
                    .as("the scratch database goes once the training has ended").isEmpty();
            assertThat(jdbc.queryForList("select 1 from pg_roles where rolname = 'prep_appointments'")).isEmpty();
        });

        StaffClient admin = as("platform-admin");
        String dept = "prep-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.api("POST", "/api/v1/departments", """
                {"code": "%s", "nameZh": "预约", "nameEn": "Appointments", "maxApps": 1, "maxInstances": 1,
                 "maxMemoryMib": 1024, "monthlyBudget": 100000.00}""".formatted(dept));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        HttpResponse<String> deployed = admin.api("POST", "/api/v1/departments/" + dept + "/apps",
                "{\"name\": \"appointments\", \"template\": \"appointments\"}");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                assertThat(admin.api("GET", "/api/v1/departments/" + dept + "/apps/appointments", null).body())
                        .contains("\"state\":\"RUNNING\""));
        String instances = apps.resolve(dept).resolve("appointments").toString();
        assertThat(ProcessHandle.allProcesses().filter(p -> p.info().command().orElse("").endsWith("/java"))
                .map(p -> p.info().commandLine().orElse("")).filter(line -> line.contains(instances)))
                .as("the first deploy's instance starts from the cache").singleElement().asString()
                .contains("-XX:AOTCache=" + cache);
        assertThat(anonymous().get("/apps/" + dept + "/appointments/").statusCode()).isEqualTo(200);
        admin.api("DELETE", "/api/v1/departments/" + dept + "/apps/appointments?purgeData=true", null);
    }

    /** The ready cache made from a copy of the jar whose name starts with {@code jarPrefix}. */
    private static Optional<Path> readyCache(Path root, String jarPrefix) throws IOException {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("ready")))
                    .filter(d -> source(d).getFileName().toString().startsWith(jarPrefix)).findFirst();
        }
    }

    private static Path source(Path cache) {
        try {
            return Path.of(Files.readString(cache.resolve("source")).strip());
        } catch (IOException e) {
            return Path.of("");
        }
    }
}
