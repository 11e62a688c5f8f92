package org.govpaas.platform.metering;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One app's usage during one minute.
 *
 * @param minute          the minute's start
 * @param vcpuMillis      allocated vCPU in millicores (billed)
 * @param memoryMib       allocated memory of all instances (billed)
 * @param cpuSecondsUsed  CPU seconds used during the minute; null when unknown
 * @param memoryUsedBytes resident memory of all instances; null when the runtime cannot tell
 * @param storageBytes    the app's database and files
 * @param requests        requests the gateway forwarded to it during the minute
 */
public record UsageSample(long appId, Instant minute, long departmentId, String appName, String isolation,
                          int instances, int vcpuMillis, int memoryMib, BigDecimal cpuSecondsUsed,
                          Long memoryUsedBytes, long storageBytes, int requests) {
}
