package org.govpaas.runtime.kubernetes;

/**
 * The quota a platform admin set for a department, as the cluster enforces it in the
 * department's namespace (ResourceQuota and LimitRange).
 *
 * @param maxInstances        how many app instances (pods) may exist at once
 * @param maxMemoryMb         the memory all instances together may request and be limited to, in MiB
 * @param cpuMillisPerInstance the CPU an instance requests, in millicores; also the LimitRange default
 */
public record DepartmentLimits(int maxInstances, int maxMemoryMb, int cpuMillisPerInstance) {

    public DepartmentLimits {
        if (maxInstances < 0) {
            throw new IllegalArgumentException("maxInstances must not be negative");
        }
        if (maxMemoryMb < 0) {
            throw new IllegalArgumentException("maxMemoryMb must not be negative");
        }
        if (cpuMillisPerInstance < 1) {
            throw new IllegalArgumentException("cpuMillisPerInstance must be at least 1");
        }
    }
}
