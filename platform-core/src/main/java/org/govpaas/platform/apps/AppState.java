package org.govpaas.platform.apps;

/** The state every client sees (API, console): the runtime's view plus the platform's own steps. */
public enum AppState {
    /** Stored, not yet handed to the runtime. */
    PENDING,
    DEPLOYING,
    RUNNING,
    DEGRADED,
    FAILED,
    STOPPED,
    /** Being removed from the runtime; the app disappears when done. */
    DELETING
}
