package org.govpaas.apps.hotline;

import java.time.Instant;
import org.govpaas.apps.kit.testing.MutableClock;
import org.govpaas.apps.kit.testing.TestDatabase;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hotline's rules without the web: its services on a real PostgreSQL (the kit's
 * {@code TestDatabase}), with a clock the test moves. Subclasses share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@Import(DatabaseTest.Clocks.class)
public abstract class DatabaseTest {

    /** Noon in the city (Asia/Shanghai). */
    public static final Instant NOON_IN_SHANGHAI = Instant.parse("2026-11-27T04:00:00Z");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.create().properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @TestConfiguration
    static class Clocks {
        @Bean
        @Primary
        MutableClock testClock() {
            return new MutableClock(NOON_IN_SHANGHAI);
        }
    }

    @Autowired
    protected MutableClock clock;
    @Autowired
    protected JdbcTemplate jdbc;
}
