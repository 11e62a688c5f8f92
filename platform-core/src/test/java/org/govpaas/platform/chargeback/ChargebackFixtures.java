package org.govpaas.platform.chargeback;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timelines of usage written straight into usage_sample, one row per minute as metering would
 * (generated inside PostgreSQL), for months far in the past that no other test touches.
 */
final class ChargebackFixtures {

    private final JdbcTemplate jdbc;

    ChargebackFixtures(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One sample a minute for {@code [from, to)} (timestamps with their offset, e.g.
     * {@code 2001-01-01 00:00+08}).
     */
    void run(String dept, long appId, String app, String isolation, String from, String to, int instances,
             int vcpuMillis, int memoryMib, long storageBytes, int requestsPerMinute) {
        jdbc.update("""
                insert into usage_sample (app_id, minute, department_id, app_name, isolation, instances, vcpu_millis,
                                          memory_mib, cpu_seconds_used, memory_used_bytes, storage_bytes, requests)
                select ?, m, (select id from department where code = ?), ?, ?, ?, ?, ?, ? * 0.25 * 60, ? * 1048576 / 2,
                       ?, ?
                  from generate_series(?::timestamptz, ?::timestamptz - interval '1 minute', interval '1 minute') m
                """, appId, dept, app, isolation, instances, vcpuMillis, memoryMib, vcpuMillis / 1000.0, (long) memoryMib,
                storageBytes, requestsPerMinute, from, to);
    }

    /** A rate card, unless one already applies from that month (tests share one database). */
    void rateCard(String validFrom, String vcpuHour, String memoryGibHour, String storageGibMonth,
                  String thousandRequests, String taxRate, String hypervisorMultiplier) {
        if (jdbc.queryForObject("select count(*) from rate_card where valid_from = ?::date", Integer.class, validFrom) > 0) {
            return;
        }
        Long id = jdbc.queryForObject("""
                insert into rate_card (valid_from, vcpu_hour, memory_gib_hour, storage_gib_month, thousand_requests,
                                       tax_rate, created_by)
                values (?::date, ?::numeric, ?::numeric, ?::numeric, ?::numeric, ?::numeric, 'test') returning id""",
                Long.class, validFrom, vcpuHour, memoryGibHour, storageGibMonth, thousandRequests, taxRate);
        jdbc.update("insert into rate_card_tier (rate_card_id, tier, multiplier) values (?, 'hypervisor', ?::numeric)",
                id, hypervisorMultiplier);
    }
}
