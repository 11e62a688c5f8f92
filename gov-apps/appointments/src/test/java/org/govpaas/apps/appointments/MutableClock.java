package org.govpaas.apps.appointments;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock tests can move, e.g. to the day of an appointment for the check-in. */
public final class MutableClock extends Clock {

    /** Monday 2026-11-30, 08:00 in Shanghai: an hour before the halls open. */
    public static final Instant MONDAY_EIGHT_AM = Instant.parse("2026-11-30T00:00:00Z");

    private volatile Instant now;

    public MutableClock(Instant now) {
        this.now = now;
    }

    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }
}
