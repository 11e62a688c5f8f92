package org.govpaas.platform.apps;

import java.time.Instant;
import java.util.Map;

/**
 * An app as stored: desired state (template, size, parameters, {@code desired}) and what the
 * reconciler last observed ({@code state}, {@code observedGeneration}, {@code message}).
 * {@code restartGeneration} is the generation of the last restart asked for (0: none).
 */
public record App(long id, long departmentId, String departmentCode, String name, String templateId,
                  String templateVersion, int instances, int memoryMb, String isolation,
                  Map<String, Object> parameters, String desired, boolean purgeData, long generation,
                  long restartGeneration, long observedGeneration, AppState state, int readyInstances, String isolationApplied,
                  String message, String createdBy, Instant createdAt, Instant updatedAt) {

    public static final String ROUTE_PREFIX = "/apps/";

    /** Where citizens reach it through the gateway. */
    public String routePath() {
        return ROUTE_PREFIX + departmentCode + "/" + name + "/";
    }

    public boolean isStopped() {
        return "STOPPED".equals(desired);
    }

    public boolean isDeleting() {
        return "DELETING".equals(desired);
    }
}
