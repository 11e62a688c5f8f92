package org.govpaas.platform.metering;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One app's usage over a range, allocated beside used.
 *
 * @param minutesRecorded minutes with a sample (a minute the platform was down has none)
 * @param efficiency      CPU used / vCPU allocated over the minutes where both are known; null when
 *                        nothing was allocated or nothing measured
 */
public record AppUsageSummary(long appId, String app, String isolation, Instant firstMinute, Instant lastMinute,
                              long minutesRecorded, BigDecimal vcpuHours, BigDecimal memoryGibHours,
                              BigDecimal cpuHoursUsed, BigDecimal averageMemoryUsedGib, BigDecimal averageStorageGib,
                              long requests, BigDecimal efficiency) {
}
