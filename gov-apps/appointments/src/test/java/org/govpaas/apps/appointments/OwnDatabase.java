package org.govpaas.apps.appointments;

import org.govpaas.apps.kit.testing.MutableClock;
import org.govpaas.apps.kit.testing.TestDatabase;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the Spring tests: each test class runs the app on a fresh database of a real
 * PostgreSQL, with the clock standing at Monday 08:00 in Shanghai ({@link MutableClock}).
 */
@Import(TestClockConfiguration.class)
public abstract class OwnDatabase {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.create().properties().forEach((key, value) -> registry.add(key, () -> value));
    }
}
