package org.govpaas.platform.apps.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import com.zaxxer.hikari.HikariDataSource;
import org.govpaas.catalog.SignIn;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.RetainedDatabase;
import org.govpaas.platform.apps.AppState;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The database service and the per-app sign-in clients, against the real PostgreSQL and Keycloak. */
class PlatformServicesForAppsTest extends PlatformIntegrationTest {

    @Autowired
    AppDatabases databases;
    @Autowired
    AppClients clients;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anAppGetsItsOwnDatabaseWhichOutlivesTheAppUntilPurged() throws SQLException {
        App app = app(900_001, "records");
        AppDatabases.Credentials credentials = databases.ensure(app);
        try (Connection c = DriverManager.getConnection(credentials.jdbcUrl(), credentials.username(), credentials.password())) {
            c.createStatement().execute("create table citizen_record (id int primary key, name text)");
            c.createStatement().execute("insert into citizen_record values (1, '张三')");
        }
        assertThat(databases.ensure(app)).as("the same database on every reconcile").isEqualTo(credentials);
        assertThat(jdbc.queryForObject("select password_encrypted from app_database where app_id = ?", String.class,
                app.id())).doesNotContain(credentials.password());
        assertThat(jdbc.queryForObject("select rolpassword from pg_authid where rolname = ?", String.class,
                credentials.username())).as("the server keeps a verifier with the platform's iteration count")
                .startsWith("SCRAM-SHA-256$" + ScramVerifier.ITERATIONS + ":").doesNotContain(credentials.password());
        assertThat(credentials.environment()).containsEntry("SPRING_DATASOURCE_URL", credentials.jdbcUrl());

        databases.release(app);
        assertThatThrownBy(() -> DriverManager.getConnection(credentials.jdbcUrl(), credentials.username(),
                credentials.password()).close()).isInstanceOf(SQLException.class);
        assertThat(jdbc.queryForList("select 1 from pg_database where datname = ?", credentials.username()))
                .as("the data is kept").hasSize(1);

        databases.purge(app);
        assertThat(jdbc.queryForList("select 1 from pg_database where datname = ?", credentials.username())).isEmpty();
        assertThat(jdbc.queryForObject("select purged_at is not null from app_database where app_id = ?",
                Boolean.class, app.id())).isTrue();
    }

    /**
     * The platform's own database restored from an older backup hands app ids out again; a
     * database the server still holds from an app of the same id is not the new app's.
     */
    @Test
    void aNewAppNeverGetsADatabaseTheServerAlreadyHeld() throws SQLException {
        App app = app(900_011, "reissued");
        HikariDataSource server = (HikariDataSource) jdbc.getDataSource();
        jdbc.execute("drop database if exists app_900011 with (force)");
        jdbc.execute("create database app_900011 template template0");
        String earlier = credentialsUrl(server, "app_900011");
        try (Connection c = DriverManager.getConnection(earlier, server.getUsername(), server.getPassword())) {
            c.createStatement().execute("create table citizen_record (name text)");
        }
        try {
            AppDatabases.Credentials credentials = databases.ensure(app);
            assertThat(credentials.username()).startsWith("app_900011_");
            try (Connection c = DriverManager.getConnection(credentials.jdbcUrl(), credentials.username(),
                    credentials.password())) {
                var result = c.createStatement().executeQuery("select to_regclass('public.citizen_record') is null");
                result.next();
                assertThat(result.getBoolean(1)).as("the earlier app's table is not in the new app's database").isTrue();
            }
            databases.purge(app);
        } finally {
            jdbc.execute("drop database if exists app_900011 with (force)");
        }
    }

    /** Stopped after the app's row was written and before its database was made: the next call makes it. */
    @Test
    void aDatabaseMissingBehindItsRowIsMadeOnTheNextCall() throws SQLException {
        App app = app(900_012, "interrupted");
        AppDatabases.Credentials credentials = databases.ensure(app);
        jdbc.execute("drop database " + credentials.username() + " with (force)");

        assertThat(databases.ensure(app)).isEqualTo(credentials);
        try (Connection c = DriverManager.getConnection(credentials.jdbcUrl(), credentials.username(),
                credentials.password())) {
            assertThat(c.isValid(5)).isTrue();
        }
        databases.purge(app);
    }

    private static String credentialsUrl(HikariDataSource server, String database) {
        String url = server.getJdbcUrl();
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int end = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (end < 0 ? "" : url.substring(end));
    }

    @Test
    void aRoleMadeWithPostgresqlsOwnIterationCountGetsThePlatformsVerifierOfTheSamePassword() throws SQLException {
        App app = app(900_007, "legacy");
        AppDatabases.Credentials credentials = databases.ensure(app);
        // As a platform before its own verifier left the role: PostgreSQL hashed the password itself.
        jdbc.execute("alter role " + credentials.username() + " password '" + credentials.password() + "'");
        jdbc.update("update app_database set scram_iterations = null where app_id = ?", app.id());
        assertThat(verifier(credentials.username())).startsWith("SCRAM-SHA-256$4096:");

        assertThat(databases.ensure(app)).as("the same credentials").isEqualTo(credentials);
        assertThat(verifier(credentials.username())).startsWith("SCRAM-SHA-256$" + ScramVerifier.ITERATIONS + ":");
        try (Connection c = DriverManager.getConnection(credentials.jdbcUrl(), credentials.username(), credentials.password())) {
            assertThat(c.isValid(5)).as("the app still signs in with its password").isTrue();
        }
        String upgraded = verifier(credentials.username());
        databases.ensure(app);
        assertThat(verifier(credentials.username())).as("set once, not at every reconcile").isEqualTo(upgraded);
        databases.purge(app);
    }

    private String verifier(String role) {
        return jdbc.queryForObject("select rolpassword from pg_authid where rolname = ?", String.class, role);
    }

    @Test
    void aDeletedAppsDatabaseIsListedAsRetainedUntilItsDepartmentPurgesIt() throws SQLException {
        App app = app(900_004, "archive");
        AppDatabases.Credentials credentials = databases.ensure(app);
        try (Connection c = DriverManager.getConnection(credentials.jdbcUrl(), credentials.username(), credentials.password())) {
            c.createStatement().execute("create table application (id int primary key, applicant text)");
            c.createStatement().execute("insert into application values (1, '李四')");
        }
        assertThat(databases.retained(app.departmentId())).as("in use by a running app, not retained")
                .noneMatch(r -> r.app().equals("archive"));

        databases.release(app);
        RetainedDatabase kept = databases.retained(app.departmentId()).stream()
                .filter(r -> r.app().equals("archive")).findFirst().orElseThrow();
        assertThat(kept.sizeBytes()).isPositive();
        assertThat(kept.releasedAt()).isNotNull();

        long otherDepartment = jdbc.queryForObject("select id from department where code = 'health'", Long.class);
        assertThat(databases.retained(otherDepartment)).noneMatch(r -> r.id() == kept.id());
        assertThat(databases.purgeRetained(otherDepartment, kept.id())).as("another department's").isEmpty();
        assertThat(jdbc.queryForList("select 1 from pg_database where datname = ?", credentials.username())).hasSize(1);

        // The department's developer sees it in the console and purges it there, confirming first.
        var developer = as("dev-civil");
        assertThat(developer.get("/console/departments/civil-affairs/apps?lang=zh-CN").body())
                .contains("已删除应用保留的数据", "archive");
        String purge = "/console/departments/civil-affairs/apps/retained-databases/" + kept.id() + "/purge";
        assertThat(developer.post(purge, Map.of()).statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForList("select 1 from pg_database where datname = ?", credentials.username()))
                .as("not confirmed: nothing dropped").hasSize(1);
        assertThat(developer.post(purge, Map.of("confirm", "true")).statusCode()).isEqualTo(302);
        assertThat(jdbc.queryForList("select 1 from pg_database where datname = ?", credentials.username())).isEmpty();
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'APP_DATA_PURGED' "
                + "and detail like 'archive:%'", Integer.class)).isEqualTo(1);
        assertThat(databases.retained(app.departmentId())).noneMatch(r -> r.id() == kept.id());
        assertThat(databases.purgeRetained(app.departmentId(), kept.id())).as("purging twice").isEmpty();
    }

    @Test
    void theEmbeddedDatabaseServerAsksEveryoneForAPassword() throws SQLException {
        String url;
        try (Connection c = jdbc.getDataSource().getConnection()) {
            url = c.getMetaData().getURL();
        }
        for (String password : new String[] {"", "wrong"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", password).close())
                    .as("superuser with password '%s'", password).isInstanceOf(SQLException.class);
        }
        AppDatabases.Credentials app = databases.ensure(app(900_003, "guarded"));
        assertThatThrownBy(() -> DriverManager.getConnection(app.jdbcUrl(), app.username(), "guess").close())
                .isInstanceOf(SQLException.class);
        try (Connection c = DriverManager.getConnection(app.jdbcUrl(), app.username(), app.password())) {
            assertThat(c.isValid(2)).isTrue();
        }
        assertThatThrownBy(() -> DriverManager.getConnection(url, app.username(), app.password()).close())
                .as("an app's role stays out of the platform's own database").isInstanceOf(SQLException.class);
    }

    /**
     * PostgreSQL copies a template database into every new one: an app's role that could write
     * there would plant tables, functions or triggers in the databases of apps deployed later.
     */
    @Test
    void anAppsRoleReachesNoTemplateAndNothingInTemplate1ReachesANewAppsDatabase() throws SQLException {
        AppDatabases.Credentials first = databases.ensure(app(900_008, "first"));
        for (String template : new String[] {"template0", "template1"}) {
            String url = first.jdbcUrl().replace("/" + first.username(), "/" + template);
            assertThatThrownBy(() -> DriverManager.getConnection(url, first.username(), first.password()).close())
                    .as("connecting to %s", template).isInstanceOf(SQLException.class);
        }

        // What a role could leave in template1 on a server where it could connect there.
        HikariDataSource server = (HikariDataSource) jdbc.getDataSource();
        String template1 = first.jdbcUrl().replace("/" + first.username(), "/template1");
        try (Connection c = DriverManager.getConnection(template1, server.getUsername(), server.getPassword())) {
            c.createStatement().execute("create table planted (id int)");
            AppDatabases.Credentials later = databases.ensure(app(900_009, "later"));
            try (Connection app = DriverManager.getConnection(later.jdbcUrl(), later.username(), later.password())) {
                var result = app.createStatement().executeQuery("select to_regclass('public.planted') is null");
                result.next();
                assertThat(result.getBoolean(1)).as("the planted table is not in the new database").isTrue();
            }
        } finally {
            try (Connection c = DriverManager.getConnection(template1, server.getUsername(), server.getPassword())) {
                c.createStatement().execute("drop table if exists planted");
            }
        }
    }

    @Test
    void anAppGetsSignInClientsLimitedToItsOwnRouteAndLosesThemOnDelete() {
        App app = app(900_002, "bookings");
        Map<String, String> env = clients.ensure(app, SignIn.BOTH);
        assertThat(env).containsEntry("GOVPAAS_OIDC_CITIZENS_CLIENT_ID", "app.civil-affairs.bookings")
                .containsEntry("GOVPAAS_OIDC_STAFF_CLIENT_ID", "app.civil-affairs.bookings")
                .containsKeys("GOVPAAS_OIDC_CITIZENS_CLIENT_SECRET", "GOVPAAS_OIDC_STAFF_CLIENT_SECRET");
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        for (String realm : new String[] {"govpaas-citizens", "govpaas-staff"}) {
            var found = keycloak.adminGet("/" + realm + "/clients?clientId=app.civil-affairs.bookings");
            assertThat(found.size()).isEqualTo(1);
            assertThat(found.get(0).get("redirectUris").toString())
                    .contains("/apps/civil-affairs/bookings/*").doesNotContain("\"*\"");
            assertThat(found.get(0).get("publicClient").asBoolean()).isFalse();
            assertThat(found.get(0).get("protocolMappers").findValuesAsString("name"))
                    .as("the app reads department and role from its tokens").contains("groups", "roles");
            String prefix = realm.equals("govpaas-citizens") ? "CITIZENS" : "STAFF";
            assertThat(keycloak.adminGet("/" + realm + "/clients/" + found.get(0).get("id").asText() + "/client-secret")
                    .get("value").asText()).as("the secret the app is given is the one Keycloak checks")
                    .isEqualTo(env.get("GOVPAAS_OIDC_" + prefix + "_CLIENT_SECRET"));
        }
        assertThat(clients.ensure(app, SignIn.BOTH)).as("idempotent").containsEntry("GOVPAAS_OIDC_CITIZENS_CLIENT_SECRET",
                env.get("GOVPAAS_OIDC_CITIZENS_CLIENT_SECRET"));

        clients.remove(app);
        for (String realm : new String[] {"govpaas-citizens", "govpaas-staff"}) {
            assertThat(keycloak.adminGet("/" + realm + "/clients?clientId=app.civil-affairs.bookings").size()).isZero();
        }
    }

    @Test
    void aChangeToAVersionThatSignsInFewerUsersRemovesTheClientItNoLongerNeeds() {
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        String clientId = "app.civil-affairs.renewals";
        App deployed = app(900_010, "renewals");
        clients.ensure(deployed, SignIn.BOTH);

        // Upgraded (generation 2) to a version that signs in citizens only.
        Map<String, String> env = clients.ensure(withGeneration(deployed, 2), SignIn.CITIZENS);
        assertThat(env).containsKey("GOVPAAS_OIDC_CITIZENS_CLIENT_SECRET").doesNotContainKey("GOVPAAS_OIDC_STAFF_CLIENT_ID");
        assertThat(keycloak.adminGet("/govpaas-staff/clients?clientId=" + clientId).size())
                .as("staff can no longer sign in through the app").isZero();
        assertThat(keycloak.adminGet("/govpaas-citizens/clients?clientId=" + clientId).size()).isEqualTo(1);

        // Then to one that signs in nobody.
        assertThat(clients.ensure(withGeneration(deployed, 3), SignIn.NONE)).containsOnlyKeys("GOVPAAS_PUBLIC_URL");
        assertThat(keycloak.adminGet("/govpaas-citizens/clients?clientId=" + clientId).size()).isZero();
    }

    private static App withGeneration(App app, long generation) {
        return new App(app.id(), app.departmentId(), app.departmentCode(), app.name(), app.templateId(),
                app.templateVersion(), app.instances(), app.memoryMb(), app.isolation(), app.parameters(), app.desired(),
                app.purgeData(), generation, app.restartGeneration(), app.observedGeneration(), app.state(),
                app.readyInstances(), app.isolationApplied(), app.message(), app.createdBy(), app.createdAt(),
                app.updatedAt());
    }

    private App app(long id, String name) {
        long department = jdbc.queryForObject("select id from department where code = 'civil-affairs'", Long.class);
        return new App(id, department, "civil-affairs", name, "notice-board", "1.0.0", 1, 256, "process", Map.of(),
                "RUNNING", false, 1, 0, 0, AppState.PENDING, 0, null, null, "test", Instant.now(), Instant.now());
    }
}
