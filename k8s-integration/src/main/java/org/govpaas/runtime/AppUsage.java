package org.govpaas.runtime;

/**
 * What an app's instances actually consumed, as the runtime measures it, for metering's
 * showback (allocated resources are billed; this is shown beside them as efficiency).
 *
 * @param cpuSecondsTotal CPU time used by all of the app's current instances since each started,
 *                        in seconds (a cumulative counter: metering takes differences between
 *                        samples, and a smaller value than last time means instances restarted)
 * @param memoryBytes     resident memory of all instances now
 * @param source          where the figures come from, e.g. {@code process}, {@code metrics-api}
 *                        or {@code requests} (the runtime only knows what was reserved)
 */
public record AppUsage(double cpuSecondsTotal, long memoryBytes, String source) {
}
