package org.govpaas.apps.hotline.statistics;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Tickets with known times, written straight into the tables, and the figures they must give.
 * Last 30 days: roads 4 new + 2 resolved + 3 closed, resolved after 2, 4, 6, 8 and 30 hours
 * (median 6.0 h; 90th percentile 8 + 0.6 x 22 = 21.2 h); water 1 assigned + 2 closed, resolved
 * after 1 and 3 hours (too few for times). 31 to 90 days ago: noise 3 closed, resolved after 12,
 * 24 and 48 hours (median 24.0 h; 90th percentile 24 + 0.8 x 24 = 43.2 h); lighting 1 reported
 * 40 days ago and resolved 10 days ago. One roads ticket from 120 days ago counts nowhere.
 */
public final class StatisticsFixture {

    public static final String SECRET_ADDRESS = "幸福小区 3 栋 502 室";
    public static final String SECRET_DESCRIPTION = "楼上邻居张三每晚装修";

    private final JdbcTemplate jdbc;
    private final Instant now;
    private int sequence;

    public StatisticsFixture(JdbcTemplate jdbc, Instant now) {
        this.jdbc = jdbc;
        this.now = now;
    }

    public void load() {
        jdbc.execute("truncate ticket, ticket_day_counter restart identity cascade");
        for (int i = 0; i < 4; i++) {
            ticket("roads", "NEW", 5, null);
        }
        ticket("roads", "RESOLVED", 10, 2);
        ticket("roads", "RESOLVED", 10, 4);
        ticket("roads", "CLOSED", 10, 6);
        ticket("roads", "CLOSED", 10, 8);
        ticket("roads", "CLOSED", 10, 30);
        ticket("water", "ASSIGNED", 3, null);
        ticket("water", "CLOSED", 12, 1);
        ticket("water", "CLOSED", 12, 3);
        ticket("noise", "CLOSED", 60, 12);
        ticket("noise", "CLOSED", 61, 24);
        ticket("noise", "CLOSED", 62, 48);
        ticket("lighting", "CLOSED", 40, 30 * 24);
        ticket("roads", "CLOSED", 120, 5);
    }

    private void ticket(String category, String status, int daysAgo, Integer resolvedAfterHours) {
        Instant reported = now.minus(Duration.ofDays(daysAgo));
        Instant resolved = resolvedAfterHours == null ? null : reported.plus(Duration.ofHours(resolvedAfterHours));
        sequence++;
        jdbc.update("""
                insert into ticket (number, citizen_subject, citizen_name, category, address, description, status,
                                    reported_at, resolved_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                "12345-FIXTURE-%04d".formatted(sequence), "sub-" + sequence, "张三", category, SECRET_ADDRESS,
                SECRET_DESCRIPTION, status, Timestamp.from(reported), resolved == null ? null : Timestamp.from(resolved));
    }
}
