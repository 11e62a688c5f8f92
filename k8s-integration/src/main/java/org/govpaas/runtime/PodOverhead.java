package org.govpaas.runtime;

/**
 * What a runtime adds to every instance of an isolation tier beyond the app's own size, e.g.
 * the virtual machine of a hypervisor-backed pod (a RuntimeClass's {@code overhead.podFixed}).
 * The platform counts it in the department's quota and in what it bills.
 */
public record PodOverhead(int cpuMillis, int memoryMib) {

    public static final PodOverhead NONE = new PodOverhead(0, 0);

    public PodOverhead {
        if (cpuMillis < 0 || memoryMib < 0) {
            throw new IllegalArgumentException("an overhead cannot be negative");
        }
    }
}
