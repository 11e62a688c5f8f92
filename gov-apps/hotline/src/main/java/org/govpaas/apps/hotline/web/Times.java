package org.govpaas.apps.hotline.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.govpaas.apps.hotline.HotlineSettings;
import org.springframework.stereotype.Component;

/** Times as citizens read them: the city's local time, the same in both languages. Templates: {@code @times}. */
@Component("times")
public class Times {

    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ZoneId zone;

    Times(HotlineSettings settings) {
        this.zone = settings.zone();
    }

    public String format(Instant instant) {
        return instant == null ? "" : MINUTES.format(instant.atZone(zone));
    }

    /** For {@code <time datetime>}: machine-readable, with the offset. */
    public String iso(Instant instant) {
        return instant == null ? "" : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atZone(zone));
    }
}
