package org.govpaas.platform.system.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.govpaas.platform.system.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The one-machine mode's database: a real PostgreSQL started from Maven artifacts, its data in
 * the data folder so departments, apps and statements survive a restart. Used whenever no
 * external database is configured ({@code GOVPAAS_DB_URL}).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** The running server and its superuser password, read once from the data folder. */
    record EmbeddedDatabase(EmbeddedPostgres postgres, String password) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            postgres.close();
        }
    }

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties properties) throws IOException {
        Path directory = properties.dataDir().resolve("postgres").toAbsolutePath();
        Files.createDirectories(directory);
        stopOrphanedServer(directory);
        String password = SecretBox.ownerOnlySecret(properties.dataDir().resolve("postgres.password"),
                () -> SecretBox.randomSecret(24));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(false)
                .setConnectConfig("password", password)
                .setPGStartupWait(Duration.ofSeconds(60));
        if (properties.embeddedDatabasePort() > 0) {
            builder.setPort(properties.embeddedDatabasePort());
        }
        EmbeddedPostgres postgres = builder.start();
        requirePasswords(postgres, directory, password);
        log.info("Embedded PostgreSQL on 127.0.0.1:{}, data in {}", postgres.getPort(), directory);
        return new EmbeddedDatabase(postgres, password);
    }

    @Bean
    DataSource dataSource(EmbeddedDatabase database) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(database.postgres().getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setPassword(database.password());
        dataSource.setPoolName("govpaas");
        dataSource.setMaximumPoolSize(10);
        return dataSource;
    }

    /**
     * initdb leaves every connection trusted: any local process (a deployed app among them) could
     * log in as the superuser or as another app's role. The superuser gets a random password
     * (kept owner-only in the data folder) and every rule of pg_hba.conf asks for SCRAM; app roles
     * may connect to their own databases only.
     */
    private static void requirePasswords(EmbeddedPostgres postgres, Path directory, String password) throws IOException {
        Path hba = directory.resolve("pg_hba.conf");
        List<String> lines = Files.readAllLines(hba);
        try (java.sql.Connection connection = postgres.getPostgresDatabase().getConnection()) {
            // Apps get roles on this server: keep them out of the platform's own database, and out
            // of template1 (app databases are made from template0, but tools copy template1).
            connection.createStatement().execute("revoke connect on database postgres from public");
            connection.createStatement().execute("revoke connect on database template1 from public");
            connection.createStatement().execute("revoke create on schema public from public");
            if (lines.stream().noneMatch(EmbeddedPostgresConfiguration::trusts)) {
                return;
            }
            connection.unwrap(org.postgresql.PGConnection.class)
                    .alterUserPassword("postgres", password.toCharArray(), "scram-sha-256");
            Files.write(hba, lines.stream()
                    .map(line -> trusts(line) ? line.replaceAll("\\btrust\\b", "scram-sha-256") : line).toList());
            connection.createStatement().execute("select pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot require passwords on the embedded PostgreSQL", e);
        }
    }

    private static boolean trusts(String hbaLine) {
        String line = hbaLine.strip();
        return !line.startsWith("#") && line.matches(".*\\btrust\\b.*");
    }

    /**
     * A control plane killed with SIGKILL leaves its PostgreSQL running on the data directory,
     * which would refuse a second server. Ask that orphan to shut down (SIGTERM is PostgreSQL's
     * "smart" shutdown: it finishes and flushes, so nothing is lost) before starting ours.
     */
    private static void stopOrphanedServer(Path directory) throws IOException {
        Path pidFile = directory.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<ProcessHandle> orphan = lines.isEmpty() ? Optional.empty()
                : parse(lines.get(0)).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive)
                        .filter(p -> p.info().command().map(c -> c.contains("postgres")).orElse(false));
        if (orphan.isEmpty()) {
            return;
        }
        log.warn("Stopping PostgreSQL (pid {}) left running by an earlier control plane", orphan.get().pid());
        orphan.get().destroy();
        try {
            orphan.get().onExit().get(60, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("PostgreSQL pid " + orphan.get().pid() + " still holds " + directory, e);
        }
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
