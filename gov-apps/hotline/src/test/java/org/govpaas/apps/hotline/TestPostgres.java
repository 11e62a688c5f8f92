package org.govpaas.apps.hotline;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL for the test run, a fresh database per caller, so test classes never see
 * each other's tickets.
 */
public final class TestPostgres {

    private static EmbeddedPostgres server;
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private TestPostgres() {
    }

    /** Spring properties pointing at a new, empty database. */
    public static synchronized Map<String, String> freshDatabase() {
        try {
            if (server == null) {
                server = EmbeddedPostgres.builder().start();
            }
            String name = "hotline_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
            try (Connection c = server.getPostgresDatabase().getConnection()) {
                c.createStatement().execute("create database " + name);
            }
            return Map.of("spring.datasource.url", server.getJdbcUrl("postgres", name),
                    "spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
