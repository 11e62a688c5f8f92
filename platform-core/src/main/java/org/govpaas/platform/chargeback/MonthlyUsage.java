package org.govpaas.platform.chargeback;

import java.math.BigDecimal;

/**
 * One app's samples of one month and isolation tier, summed by PostgreSQL: the input of {@link
 * Rating}. Every figure is a sum over minutes (a sample is one minute), so nothing was rounded yet.
 *
 * @param minutesInMonth  the calendar month's length in minutes, for GiB-months of storage
 * @param cpuSecondsUsed  null when no sample of the group measured CPU
 */
public record MonthlyUsage(long departmentId, long appId, String appName, String isolation, long minutes,
                           long vcpuMilliMinutes, long memoryMibMinutes, BigDecimal storageByteMinutes,
                           long requests, BigDecimal cpuSecondsUsed, BigDecimal memoryUsedByteMinutes,
                           long minutesInMonth) {
}
