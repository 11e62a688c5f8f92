package org.govpaas.apps.permits;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.govpaas.apps.kit.testing.MutableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Replaces the city's clock with a {@link MutableClock} just after midnight in Shanghai, when the
 * server's UTC day is still the day before: a date rule that read the server's day would let
 * yesterday through.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    public static final ZoneId CITY = ZoneId.of("Asia/Shanghai");
    /** 2026-11-21 00:30 in Shanghai; still 2026-11-20 in UTC. */
    public static final Instant JUST_AFTER_MIDNIGHT = Instant.parse("2026-11-20T16:30:00Z");
    public static final LocalDate TODAY = LocalDate.of(2026, 11, 21);

    @Bean
    @Primary
    MutableClock testClock() {
        return new MutableClock(JUST_AFTER_MIDNIGHT, CITY);
    }
}
