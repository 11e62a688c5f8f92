package org.govpaas.platform.metering;

import java.time.Instant;

/** Minutes {@code [from, to)} in which an app that was metered before and after has no sample. */
public record UsageGap(String app, Instant from, Instant to, long minutes) {
}
