package org.govpaas.platform.gateway;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.govpaas.platform.apps.AppDirectory.Route;
import org.springframework.stereotype.Component;

/**
 * Round-robin over an app's ready instances, one counter per route. The order of the ready list
 * may change between requests (an instance comes or goes): the counter then simply carries on,
 * which keeps the spread even without remembering instances.
 */
@Component
class InstanceRotation {

    /** Keyed by route path; one small counter per app ever routed, so no eviction is needed. */
    private final ConcurrentMap<String, AtomicInteger> counters = new ConcurrentHashMap<>();

    /** The instance to try first, then (with two or more) the one to try when it refuses. */
    List<URI> attempts(Route route) {
        List<URI> ready = route.readyInstances();
        int size = ready.size();
        int start = Math.floorMod(counters.computeIfAbsent(route.routePath(), k -> new AtomicInteger())
                .getAndIncrement(), size);
        return size == 1 ? List.of(ready.get(start)) : List.of(ready.get(start), ready.get((start + 1) % size));
    }
}
