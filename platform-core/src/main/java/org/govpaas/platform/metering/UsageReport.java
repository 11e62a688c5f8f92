package org.govpaas.platform.metering;

import java.time.Instant;
import java.util.List;

/** A department's usage over {@code [from, to)}: per app and isolation tier, and the gaps. */
public record UsageReport(String department, Instant from, Instant to, List<AppUsageSummary> apps,
                          List<UsageGap> gaps) {
}
