package org.govpaas.apps.appointments;

import java.time.Clock;
import java.time.Instant;
import org.govpaas.apps.kit.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Replaces the system clock with a {@link MutableClock} at Monday 08:00 in Shanghai. */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    /** Monday 2026-11-30, 08:00 in Shanghai: an hour before the halls open. */
    public static final Instant MONDAY_EIGHT_AM = Instant.parse("2026-11-30T00:00:00Z");

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(TestClockConfiguration.MONDAY_EIGHT_AM);
    }
}
