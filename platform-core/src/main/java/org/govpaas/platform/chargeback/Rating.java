package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Prices usage with a rate card. Pure and exact: every quantity is a sum of whole minutes, the
 * amount of a line is the exact product {@code usage x rate x tier multiplier / unit} rounded
 * <em>once</em>, {@link #MONEY half up to the fen} (0.01 CNY); the tax is rounded once too, on the
 * subtotal. The bill and the deploy form's estimate both come from here.
 *
 * <ul>
 *   <li>vCPU-hours = millicore-minutes / 60,000 (allocated; tier multiplier applies)</li>
 *   <li>GiB-hours = MiB-minutes / 61,440 (allocated; tier multiplier applies)</li>
 *   <li>GiB-months = byte-minutes / 2^30 / minutes of the calendar month</li>
 *   <li>thousands of requests = requests / 1,000</li>
 * </ul>
 */
public final class Rating {

    public static final int MONEY = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    static final int QUANTITY = 6;

    private static final BigDecimal MILLI_MINUTES_PER_HOUR = BigDecimal.valueOf(60_000);
    private static final BigDecimal MIB_MINUTES_PER_GIB_HOUR = BigDecimal.valueOf(61_440);
    private static final BigDecimal BYTES_PER_GIB = BigDecimal.valueOf(1L << 30);
    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3_600);
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1_000);

    private Rating() {
    }

    /** The lines of one app and tier; components it did not use at all are left out. */
    public static List<StatementLine> lines(MonthlyUsage usage, RateCard card) {
        BigDecimal multiplier = card.multiplier(usage.isolation());
        List<StatementLine> lines = new ArrayList<>(4);
        add(lines, usage, card, Component.VCPU, BigDecimal.valueOf(usage.vcpuMilliMinutes()), MILLI_MINUTES_PER_HOUR,
                multiplier, usage.cpuSecondsUsed() == null ? null : usage.cpuSecondsUsed().divide(SECONDS_PER_HOUR, QUANTITY, ROUNDING));
        add(lines, usage, card, Component.MEMORY, BigDecimal.valueOf(usage.memoryMibMinutes()), MIB_MINUTES_PER_GIB_HOUR,
                multiplier, usage.memoryUsedByteMinutes() == null ? null : usage.memoryUsedByteMinutes()
                        .divide(BYTES_PER_GIB.multiply(BigDecimal.valueOf(60)), QUANTITY, ROUNDING));
        add(lines, usage, card, Component.STORAGE, usage.storageByteMinutes(),
                BYTES_PER_GIB.multiply(BigDecimal.valueOf(usage.minutesInMonth())), BigDecimal.ONE, null);
        add(lines, usage, card, Component.REQUESTS, BigDecimal.valueOf(usage.requests()), THOUSAND, BigDecimal.ONE, null);
        return lines;
    }

    private static void add(List<StatementLine> lines, MonthlyUsage usage, RateCard card, Component component,
                            BigDecimal usageSum, BigDecimal perUnit, BigDecimal multiplier, BigDecimal used) {
        if (usageSum == null || usageSum.signum() == 0) {
            return;
        }
        BigDecimal rate = card.rate(component);
        BigDecimal amount = usageSum.multiply(rate).multiply(multiplier).divide(perUnit, MONEY, ROUNDING);
        lines.add(new StatementLine(usage.appId(), usage.appName(), usage.isolation(), component,
                usageSum.divide(perUnit, QUANTITY, ROUNDING), component.unit(), rate, multiplier, amount, used, null));
    }

    /** Subtotal (sum of the lines), tax (rounded once) and total. */
    public static Totals totals(List<StatementLine> lines, BigDecimal taxRate) {
        BigDecimal subtotal = lines.stream().map(StatementLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add)
                .setScale(MONEY, ROUNDING);
        BigDecimal tax = subtotal.multiply(taxRate).setScale(MONEY, ROUNDING);
        return new Totals(subtotal, tax, subtotal.add(tax));
    }

    /**
     * What an app of that size costs for a whole {@code month} at these rates, running all the time:
     * compute only (storage and requests depend on use and are billed as they come).
     */
    public static Totals monthlyEstimate(RateCard card, YearMonth month, String isolation, int instances,
                                         int memoryMb, int vcpuMillisPerInstance) {
        long minutes = month.lengthOfMonth() * 1440L;
        MonthlyUsage usage = new MonthlyUsage(0, 0, "", isolation, minutes,
                (long) instances * vcpuMillisPerInstance * minutes, (long) instances * memoryMb * minutes,
                BigDecimal.ZERO, 0, null, null, minutes);
        return totals(lines(usage, card), card.taxRate());
    }

    public record Totals(BigDecimal subtotal, BigDecimal tax, BigDecimal total) {
        public static final Totals ZERO = new Totals(BigDecimal.ZERO.setScale(MONEY), BigDecimal.ZERO.setScale(MONEY),
                BigDecimal.ZERO.setScale(MONEY));
    }
}
