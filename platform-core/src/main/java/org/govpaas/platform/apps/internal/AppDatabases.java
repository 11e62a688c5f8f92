package org.govpaas.platform.apps.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.RetainedDatabase;
import org.govpaas.platform.system.SecretBox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The database service: each app that asks for one gets its own PostgreSQL database and login
 * role on the platform's server. Names derive from the app's id only (never from user input),
 * the password is random and stored encrypted. Deleting an app releases its database (the role
 * can no longer log in) but keeps the data; only an explicit purge drops it.
 */
@Component
public class AppDatabases {

    private final JdbcTemplate jdbc;
    private final SecretBox secrets;
    private final String serverUrl;

    AppDatabases(DataSource dataSource, SecretBox secrets) throws java.sql.SQLException {
        this.jdbc = new JdbcTemplate(dataSource);
        this.secrets = secrets;
        try (var connection = dataSource.getConnection()) {
            String url = connection.getMetaData().getURL();
            // jdbc:postgresql://host:port/db?params -> jdbc:postgresql://host:port/
            int slash = url.indexOf('/', "jdbc:postgresql://".length());
            this.serverUrl = url.substring(0, slash + 1);
        }
    }

    /** What an app receives as environment: URL, user and password of its own database. */
    public record Credentials(String jdbcUrl, String username, String password) {
        public Map<String, String> environment() {
            return Map.of("SPRING_DATASOURCE_URL", jdbcUrl, "SPRING_DATASOURCE_USERNAME", username,
                    "SPRING_DATASOURCE_PASSWORD", password, "GOVPAAS_DB_URL", jdbcUrl, "GOVPAAS_DB_USER", username,
                    "GOVPAAS_DB_PASSWORD", password);
        }
    }

    /** Creates the database and role on first use; later calls return the same credentials. */
    public synchronized Credentials ensure(App app) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "select id, database_name, role_name, password_encrypted, scram_iterations, "
                        + "exists (select 1 from pg_database where datname = database_name) as present from app_database "
                        + "where app_id = ? and department_id = ? and purged_at is null", app.id(), app.departmentId());
        if (!rows.isEmpty()) {
            Map<String, Object> row = rows.get(0);
            String role = (String) row.get("role_name");
            String password = secrets.decrypt((String) row.get("password_encrypted"));
            if (!Integer.valueOf(ScramVerifier.ITERATIONS).equals(row.get("scram_iterations"))) {
                // A role made with PostgreSQL's own 4096 iterations: the same password, a cheaper
                // verifier. Connections already open keep working; new ones use it.
                jdbc.execute("alter role " + role + " password '" + ScramVerifier.of(password) + "'");
                jdbc.update("update app_database set scram_iterations = ? where id = ?", ScramVerifier.ITERATIONS,
                        row.get("id"));
            }
            String database = (String) row.get("database_name");
            if (!Boolean.TRUE.equals(row.get("present"))) {
                return provision(database, password); // the platform stopped between the row and the database
            }
            return new Credentials(serverUrl + database, role, password);
        }
        // A name no database on the server has had: with the app's id alone, a platform whose own
        // database was restored from an older backup hands the same ids out again, and a new app
        // would have been given the citizen data of the one that held its id before.
        String name = "app_" + app.id() + "_" + UUID.randomUUID().toString().substring(0, 8);
        String password = SecretBox.randomSecret(24);
        // The row first, so a stop before the database exists leaves a name the next call completes.
        jdbc.update("insert into app_database (department_id, app_id, app_name, database_name, role_name, "
                + "password_encrypted, scram_iterations) values (?, ?, ?, ?, ?, ?, ?)", app.departmentId(), app.id(),
                app.name(), name, name, secrets.encrypt(password), ScramVerifier.ITERATIONS);
        return provision(name, password);
    }

    /**
     * A database made afresh for a catalog template's preparation (a training run migrates it and
     * answers a few requests): {@code prep_<template>}, no app's, holding nothing of anyone's.
     * Dropped with its role once the preparation has ended ({@link #dropScratch}).
     */
    public synchronized Credentials scratch(String templateId) {
        String name = scratchName(templateId);
        jdbc.execute("drop database if exists " + name + " with (force)");
        return provision(name, SecretBox.randomSecret(24));
    }

    /** The template's scratch database and its role are gone; there may have been none. */
    public synchronized void dropScratch(String templateId) {
        String name = scratchName(templateId);
        jdbc.execute("drop database if exists " + name + " with (force)");
        jdbc.execute("drop role if exists " + name);
    }

    private static String scratchName(String templateId) {
        if (!templateId.matches("[a-z][a-z0-9-]{0,40}")) {
            throw new IllegalArgumentException("not a template id: " + templateId);
        }
        return "prep_" + templateId.replace('-', '_');
    }

    /**
     * The login role {@code name} with {@code password}, and its own database when missing.
     * DDL takes no bind parameters; every name is made here, never user input. The password
     * travels only as a SCRAM verifier (base64 and '$:', safe in quotes), so no statement, server
     * log or exception message ever holds it.
     */
    private Credentials provision(String name, String password) {
        jdbc.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + name + "') then "
                + "create role " + name + " login; else alter role " + name + " login; end if; end $$");
        jdbc.execute("alter role " + name + " password '" + ScramVerifier.of(password) + "'");
        if (jdbc.queryForList("select 1 from pg_database where datname = ?", name).isEmpty()) {
            // From template0, which nobody can connect to: template1 is copied into every new
            // database, and whatever a role once put there would reach the next app's data.
            jdbc.execute("create database " + name + " owner " + name + " template template0");
        }
        jdbc.execute("revoke all on database " + name + " from public");
        return new Credentials(serverUrl + name, name, password);
    }

    /** The app is gone: its role may no longer log in, its data stays. */
    public synchronized void release(App app) {
        for (String role : roles(app)) {
            jdbc.execute("alter role " + role + " nologin");
        }
        jdbc.update("update app_database set released_at = now() where app_id = ? and department_id = ? "
                + "and released_at is null", app.id(), app.departmentId());
    }

    /** Explicitly requested by the developer: drop the data for good. */
    public synchronized void purge(App app) {
        for (String role : roles(app)) {
            jdbc.execute("drop database if exists " + role + " with (force)");
            jdbc.execute("drop role if exists " + role);
        }
        jdbc.update("update app_database set purged_at = now(), released_at = coalesce(released_at, now()) "
                + "where app_id = ? and department_id = ? and purged_at is null", app.id(), app.departmentId());
    }

    /** Databases of the department's deleted apps that were kept, newest release first. */
    public List<RetainedDatabase> retained(long departmentId) {
        return jdbc.query("select id, app_name, created_at, released_at, pg_database_size(database_name) as size "
                        + "from app_database where department_id = ? and released_at is not null and purged_at is null "
                        + "and exists (select 1 from pg_database where datname = database_name) "
                        + "order by released_at desc, id desc",
                (rs, i) -> new RetainedDatabase(rs.getLong("id"), rs.getString("app_name"),
                        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("released_at").toInstant(),
                        rs.getLong("size")), departmentId);
    }

    /**
     * Drops a retained database of the department for good; empty when it has no such database
     * (another department's, one still in use by a running app, or one already purged).
     */
    public synchronized Optional<String> purgeRetained(long departmentId, long id) {
        List<Map<String, Object>> rows = jdbc.queryForList("select app_name, role_name from app_database "
                + "where id = ? and department_id = ? and released_at is not null and purged_at is null", id, departmentId);
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        String role = (String) rows.get(0).get("role_name");
        jdbc.execute("drop database if exists " + role + " with (force)");
        jdbc.execute("drop role if exists " + role);
        jdbc.update("update app_database set purged_at = now() where id = ?", id);
        return Optional.of((String) rows.get(0).get("app_name"));
    }

    private List<String> roles(App app) {
        return jdbc.queryForList("select role_name from app_database where app_id = ? and department_id = ? "
                + "and purged_at is null", String.class, app.id(), app.departmentId());
    }
}
