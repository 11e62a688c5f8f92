package org.govpaas.apps.hotline.ticket;

/** Where a ticket is. NEW, TRIAGED and ASSIGNED are the staff queue; RESOLVED waits for the citizen. */
public enum TicketStatus {
    NEW, TRIAGED, ASSIGNED, RESOLVED, CLOSED;

    public boolean inQueue() {
        return this == NEW || this == TRIAGED || this == ASSIGNED;
    }
}
