package org.govpaas.runtime;

/** What a runtime observes of an app; the control plane maps it to the app's public state. */
public enum RuntimeState {
    /** The runtime has nothing of this app (never applied, or deleted). */
    UNKNOWN,
    /** Instances are starting or being replaced; not all desired instances are ready yet. */
    DEPLOYING,
    /** All desired instances are ready. */
    RUNNING,
    /** Some instances are ready, others keep failing. */
    DEGRADED,
    /** No instance can be kept running; {@link AppStatus#message()} says why. */
    FAILED,
    /** Desired instances are zero and none is running. */
    STOPPED
}
