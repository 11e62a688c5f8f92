package org.govpaas.apps.hotline.statistics;

import java.util.Optional;

/** The periods the public page offers; nothing else is accepted from the query string. */
public enum Period {
    LAST_30_DAYS(30), LAST_90_DAYS(90);

    private final int days;

    Period(int days) {
        this.days = days;
    }

    public int days() {
        return days;
    }

    public static Optional<Period> ofDays(int days) {
        for (Period period : values()) {
            if (period.days == days) {
                return Optional.of(period);
            }
        }
        return Optional.empty();
    }
}
