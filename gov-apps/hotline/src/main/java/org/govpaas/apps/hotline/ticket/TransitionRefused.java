package org.govpaas.apps.hotline.ticket;

/** The action is not allowed in the ticket's current status; nothing was changed. */
public class TransitionRefused extends RuntimeException {

    private final Action action;
    private final TicketStatus status;

    public TransitionRefused(Action action, TicketStatus status) {
        super(action + " is not allowed on a ticket in status " + status);
        this.action = action;
        this.status = status;
    }

    public Action action() {
        return action;
    }

    public TicketStatus status() {
        return status;
    }
}
