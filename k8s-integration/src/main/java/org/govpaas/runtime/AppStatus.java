package org.govpaas.runtime;

import java.util.List;

/**
 * What the runtime observes now.
 *
 * @param observedGeneration the newest spec generation the runtime has acted on (0: none)
 * @param isolation the tier that actually applies, or null while nothing runs
 * @param message human-readable: why it is failed, degraded, or what it is waiting for
 */
public record AppStatus(AppId id, RuntimeState state, long observedGeneration, int desiredInstances,
                        int readyInstances, List<InstanceStatus> instances, IsolationTier isolation,
                        String message) {

    public AppStatus {
        instances = List.copyOf(instances);
    }

    public static AppStatus unknown(AppId id) {
        return new AppStatus(id, RuntimeState.UNKNOWN, 0, 0, 0, List.of(), null, "not deployed");
    }

    /**
     * One instance.
     *
     * @param address  {@code host:port} where a gateway can reach it, when it has one
     * @param ready    whether its readiness check passes now
     * @param restarts how many times it was restarted after a crash
     * @param reason   why it is not ready, e.g. the last exit code and log line
     */
    public record InstanceStatus(String id, String address, boolean ready, int restarts, String reason) {
    }
}
