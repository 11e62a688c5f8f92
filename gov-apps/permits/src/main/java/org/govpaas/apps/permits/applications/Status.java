package org.govpaas.apps.permits.applications;

/** Where an application stands. APPROVED and REJECTED are final. */
public enum Status {
    /** Waiting in the queue; nobody has claimed it. */
    SUBMITTED,
    /** A staff member claimed it and is reviewing it. */
    IN_REVIEW,
    /** The reviewer asked the citizen for more information; the citizen may edit and resubmit. */
    INFORMATION_REQUESTED,
    APPROVED,
    REJECTED;

    public boolean isFinal() {
        return this == APPROVED || this == REJECTED;
    }
}
