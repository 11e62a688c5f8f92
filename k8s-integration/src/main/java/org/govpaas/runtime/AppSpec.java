package org.govpaas.runtime;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;

/**
 * The desired state of one app, complete: a runtime needs nothing else to run it.
 *
 * @param generation  increases with every change of the desired state; reported back as
 *                    {@link AppStatus#observedGeneration()} once the runtime acted on it
 * @param artifact    what to run: an executable jar (local runtime) and/or an OCI image (Kubernetes)
 * @param instances   desired instances; 0 means stopped
 * @param memoryMb    memory limit per instance in MiB (the local runtime bounds the JVM heap by it)
 * @param environment variables handed to every instance (secrets included: runtimes never log them)
 * @param health      where an instance says it is ready
 * @param isolation   the tier requested; a runtime that cannot provide it refuses the spec (the
 *                    local runtime not when it has no instances: stopping an app needs no tier)
 * @param routePath   the path prefix the app is served under, e.g. {@code /apps/health/clinic/}
 * @param restartGeneration the generation of the last restart the developer asked for (0: none):
 *                    when it changes, every instance is replaced one at a time, as for a new
 *                    template, although nothing else did
 */
public record AppSpec(AppId id, long generation, Artifact artifact, int instances, int memoryMb,
                      Map<String, String> environment, HealthCheck health, IsolationTier isolation,
                      String routePath, long restartGeneration) {

    public AppSpec {
        if (instances < 0) {
            throw new IllegalArgumentException("instances must not be negative");
        }
        if (memoryMb < 64) {
            throw new IllegalArgumentException("memoryMb must be at least 64");
        }
        environment = Map.copyOf(environment);
    }

    /** Names the variables, not their values: the environment holds the app's secrets. */
    @Override
    public String toString() {
        return "AppSpec[id=" + id + ", generation=" + generation + ", artifact=" + artifact + ", instances=" + instances
                + ", memoryMb=" + memoryMb + ", environment=" + new TreeSet<>(environment.keySet()) + ", health="
                + health + ", isolation=" + isolation + ", routePath=" + routePath + ", restartGeneration="
                + restartGeneration + "]";
    }

    /**
     * @param jar   the executable jar for the local runtime (may be null on Kubernetes)
     * @param image the OCI image reference for Kubernetes (may be null locally)
     */
    public record Artifact(Path jar, String image) {
    }

    /**
     * @param readinessPath HTTP path answering 2xx when an instance can take traffic
     * @param startupTimeoutSeconds how long an instance may take to become ready before it counts as failed
     */
    public record HealthCheck(String readinessPath, int startupTimeoutSeconds) {
    }
}
