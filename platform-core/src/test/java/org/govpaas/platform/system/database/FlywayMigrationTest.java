package org.govpaas.platform.system.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.JdbcTemplate;

/** The migrations build the schema from an empty PostgreSQL and the schema guards its own rules. */
class FlywayMigrationTest {

    @TempDir
    static Path data;
    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;
    static int applied;

    @BeforeAll
    static void migrateEmptyDatabase() throws Exception {
        postgres = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(true).start();
        DataSource dataSource = postgres.getPostgresDatabase();
        applied = Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load()
                .migrate().migrationsExecuted;
        jdbc = new JdbcTemplate(dataSource);
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void createsTheTablesFromNothing() {
        assertThat(applied).isPositive();
        List<String> tables = jdbc.queryForList(
                "select table_name from information_schema.tables where table_schema = 'public'", String.class);
        assertThat(tables).contains("department", "audit_event", "flyway_schema_history");
    }

    @Test
    void refusesADepartmentCodeThatIsNotADnsLabel() {
        assertThatThrownBy(() -> insertDepartment("Bad_Code", "10.00"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertDepartment("ok-code", "-1.00"))
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.queryForObject("select count(*) from department where code in ('Bad_Code', 'ok-code')",
                Integer.class)).isZero();
    }

    @Test
    void keepsMoneyExactToTheFen() {
        insertDepartment("money-check", "12345.67");
        assertThat(jdbc.queryForObject("select monthly_budget::text from department where code = 'money-check'",
                String.class)).isEqualTo("12345.67");
    }

    @Test
    void auditLogIsAppendOnly() {
        jdbc.update("insert into audit_event (actor, action) values ('tester', 'SIGNED_IN')");
        assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone-else'"))
                .isInstanceOf(UncategorizedSQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("delete from audit_event"))
                .isInstanceOf(UncategorizedSQLException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.update("truncate audit_event"))
                .isInstanceOf(UncategorizedSQLException.class).hasMessageContaining("append-only");
        assertThat(jdbc.queryForObject("select count(*) from audit_event where actor = 'tester'", Integer.class))
                .isEqualTo(1);
    }

    private void insertDepartment(String code, String budget) {
        jdbc.update("insert into department (code, name_zh, name_en, max_apps, max_instances, max_memory_mib, "
                + "monthly_budget) values (?, '测试', 'Test', 1, 1, 1, ?::numeric)", code, budget);
    }
}
