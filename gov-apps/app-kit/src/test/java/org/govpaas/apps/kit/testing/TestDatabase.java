package org.govpaas.apps.kit.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real PostgreSQL for a service's tests: one server per test JVM (started on first use,
 * stopped at exit), a fresh database and login role per {@link #create()} so test classes never
 * see each other's rows. The same shape as the platform's database service hands an app.
 */
public record TestDatabase(String jdbcUrl, String username, String password) {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedPostgres server;

    public static synchronized TestDatabase create() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
                EmbeddedPostgres started = server;
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        started.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
            }
            String name = "app_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            String password = "pw-" + name;
            try (Connection connection = server.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                // Generated names only; an owner role like the platform's database service creates.
                statement.execute("create role " + name + " login password '" + password + "'");
                statement.execute("create database " + name + " owner " + name);
            }
            return new TestDatabase(server.getJdbcUrl("postgres", name), name, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create a test database", e);
        }
    }

    /** The environment the platform would give an app for this database. */
    public Map<String, String> properties() {
        return Map.of("spring.datasource.url", jdbcUrl, "spring.datasource.username", username,
                "spring.datasource.password", password);
    }
}
