package org.govpaas.platform.gateway;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * Requests the gateway forwarded to each app since the platform started: cumulative counters that
 * metering reads once a minute and takes differences of. A {@link LongAdder} per app keeps the
 * forwarding path free of contention; a request is counted when it is handed to an instance.
 */
@Component
public class RequestCounts {

    private final ConcurrentMap<String, LongAdder> counts = new ConcurrentHashMap<>();

    void served(String department, String app) {
        counts.computeIfAbsent(key(department, app), k -> new LongAdder()).increment();
    }

    /** Requests forwarded to the app since this platform process started. */
    public long total(String department, String app) {
        LongAdder count = counts.get(key(department, app));
        return count == null ? 0 : count.sum();
    }

    private static String key(String department, String app) {
        return department + "/" + app;
    }
}
