package org.govpaas.platform.chargeback;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rates a month of usage samples into statements (the IT office's close): a month of ~10 million
 * samples (230 apps across 50 departments, one sample a minute) beside ~1 million of the same apps
 * (3 days of the next month) in the same run, timing each close and the heap's peak during it. Each close but the
 * last runs in a transaction that is rolled back, so the same month can be closed again.
 * Not a test: run with {@code bench/chargeback/run.sh}; figures go to bench/chargeback/README.md.
 */
@Tag("benchmark")
class RatingBenchmark extends PlatformIntegrationTest {

    static final int RUNS = 5;
    static final int DEPARTMENTS = 50;
    static final Caller IT_OFFICE = new Caller("bench", "Bench", Set.of(Caller.IT_OFFICE), Map.of());

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    StatementService statements;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void rateAMonthIntoStatements() throws Exception {
        jdbc.update("""
                insert into department (code, name_zh, name_en, max_apps, max_instances, max_memory_mib, monthly_budget)
                select 'bench-' || g, '基准' || g, 'Bench ' || g, 20, 40, 32768, 10000
                  from generate_series(1, ?) g on conflict (code) do nothing""", DEPARTMENTS);
        new ChargebackFixtures(jdbc).rateCard("2004-01-01", "0.20", "0.05", "0.50", "0.01", "0.06", "1.5");
        StringBuilder report = new StringBuilder();
        // The same 230 apps for the whole of January, and for the first 3 days of February: ten times
        // the samples, the same rows reaching the JVM.
        report.append(month("2004-01", 230, 31)).append(month("2004-02", 230, 3));
        System.out.print(report);
        Files.writeString(Path.of("target", "chargeback-rating.txt"), report);
    }

    /** Generates {@code apps} apps' samples for the month's first {@code days} in PostgreSQL, then closes it RUNS times. */
    private String month(String period, int apps, int days) {
        YearMonth month = YearMonth.parse(period);
        long t0 = System.nanoTime();
        jdbc.update("""
                insert into usage_sample (app_id, minute, department_id, app_name, isolation, instances, vcpu_millis,
                                          memory_mib, cpu_seconds_used, memory_used_bytes, storage_bytes, requests)
                select a, m, d.id, 'app-' || a, case when a % 5 = 0 then 'hypervisor' else 'process' end,
                       1 + a % 3, 250 * (1 + a % 3), 512 * (1 + a % 3), 3.5 + a % 7, 300000000 + a * 1000,
                       1073741824 + a * 4096, a % 40
                  from generate_series(?::bigint, ?::bigint) a
                  join department d on d.code = 'bench-' || (1 + a % ?)
                 cross join generate_series(?::timestamptz, ?::timestamptz - interval '1 minute', interval '1 minute') m
                """, 8_000_000L + month.getMonthValue() * 1000L, 8_000_000L + month.getMonthValue() * 1000L + apps - 1,
                DEPARTMENTS, month.atDay(1) + " 00:00+08", month.atDay(1).plusDays(days) + " 00:00+08");
        jdbc.execute("analyze usage_sample");
        long samples = jdbc.queryForObject("select count(*) from usage_sample where app_id between ? and ?", Long.class,
                8_000_000L + month.getMonthValue() * 1000L, 8_000_000L + month.getMonthValue() * 1000L + apps - 1);
        long setup = (System.nanoTime() - t0) / 1_000_000;

        List<Long> millis = new ArrayList<>();
        List<Long> heapPeaks = new ArrayList<>();
        for (int run = 0; run < RUNS; run++) {
            boolean keep = run == RUNS - 1;
            System.gc();
            long before = resetHeapPeak();
            long start = System.nanoTime();
            transactions.executeWithoutResult(status -> {
                statements.close(IT_OFFICE, month);
                if (!keep) {
                    status.setRollbackOnly();
                }
            });
            millis.add((System.nanoTime() - start) / 1_000_000);
            heapPeaks.add((heapPeak() - before) / (1024 * 1024));
        }
        long lines = jdbc.queryForObject("select count(*) from statement_line l join statement s on s.id = l.statement_id "
                + "where s.period = ?", Long.class, period);
        return String.format("%s: %,d samples (%d apps, %d departments, %d days), generated in %,d ms; %d statement lines%n"
                        + "  close ms: %s median %d%n  heap growth during the close (peak - before, MiB): %s median %d%n",
                period, samples, apps, DEPARTMENTS, days, setup, lines, millis, median(millis), heapPeaks, median(heapPeaks));
    }

    private static long resetHeapPeak() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
