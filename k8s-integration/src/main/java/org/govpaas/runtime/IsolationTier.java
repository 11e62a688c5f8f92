package org.govpaas.runtime;

/**
 * How strongly an app is separated from others. Each runtime supports some tiers and reports
 * the one that actually applies, honestly: a process without a sandbox is {@link #PROCESS}.
 */
public enum IsolationTier {
    /** A plain operating-system process on the platform's machine. */
    PROCESS("process"),
    /** A process confined by bubblewrap: read-only system, private /tmp, own pid namespace. */
    PROCESS_SANDBOXED("process-sandboxed"),
    /** A Kubernetes pod with the default container runtime (runc) in the department's namespace. */
    STANDARD("standard"),
    /** A pod in a hypervisor-backed sandbox (RuntimeClass kata) on a hypervisor node pool. */
    HYPERVISOR("hypervisor"),
    /** A pod on a node pool reserved for the department. */
    DEDICATED("dedicated");

    private final String label;

    IsolationTier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static IsolationTier fromLabel(String label) {
        for (IsolationTier tier : values()) {
            if (tier.label.equals(label)) {
                return tier;
            }
        }
        throw new IllegalArgumentException("unknown isolation tier: " + label);
    }
}
