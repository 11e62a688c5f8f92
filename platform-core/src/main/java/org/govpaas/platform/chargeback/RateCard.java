package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * Prices in CNY, in force from {@code validFrom} (the 1st of a month) until the next card begins.
 *
 * @param tierMultipliers multiplier of the compute prices (vCPU, memory) per isolation tier; a
 *                        tier without one pays 1
 * @param taxRate         e.g. 0.06 for 6 %
 */
public record RateCard(long id, LocalDate validFrom, BigDecimal vcpuHour, BigDecimal memoryGibHour,
                       BigDecimal storageGibMonth, BigDecimal thousandRequests, BigDecimal taxRate,
                       Map<String, BigDecimal> tierMultipliers, String createdBy, Instant createdAt) {

    public BigDecimal multiplier(String tier) {
        return tier == null ? BigDecimal.ONE : tierMultipliers.getOrDefault(tier, BigDecimal.ONE);
    }

    /** The price of one unit of {@code component}, before the tier multiplier. */
    public BigDecimal rate(Component component) {
        return switch (component) {
            case VCPU -> vcpuHour;
            case MEMORY -> memoryGibHour;
            case STORAGE -> storageGibMonth;
            case REQUESTS -> thousandRequests;
            case ADJUSTMENT -> BigDecimal.ZERO;
        };
    }
}
