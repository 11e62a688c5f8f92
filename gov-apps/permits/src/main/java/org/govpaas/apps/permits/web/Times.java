package org.govpaas.apps.permits.web;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Times as the city reads them ({@code ${@times.format(t)}} in templates), in the city's zone
 * (the application clock's) rather than the server's, which on a cluster is usually UTC.
 */
@Component("times")
public class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    Times(Clock clock) {
        this.zone = clock.getZone();
    }

    public String format(Instant instant) {
        return instant == null ? "" : FORMAT.format(instant.atZone(zone));
    }

    /** For the {@code datetime} attribute of {@code <time>}. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }
}
