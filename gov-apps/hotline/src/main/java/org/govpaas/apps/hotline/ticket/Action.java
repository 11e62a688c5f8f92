package org.govpaas.apps.hotline.ticket;

import java.util.Set;

/**
 * The ticket's state machine: which action is allowed in which status, who may take it, and
 * where it leads. Anything not listed here is refused, so a citizen cannot confirm a ticket that
 * was never resolved and staff cannot resolve one nobody was assigned to.
 */
public enum Action {
    REPORTED(Actor.Kind.CITIZEN, Set.of()),
    TRIAGED(Actor.Kind.STAFF, Set.of(TicketStatus.NEW, TicketStatus.TRIAGED, TicketStatus.ASSIGNED)),
    ASSIGNED(Actor.Kind.STAFF, Set.of(TicketStatus.TRIAGED, TicketStatus.ASSIGNED)),
    RESOLVED(Actor.Kind.STAFF, Set.of(TicketStatus.ASSIGNED)),
    CONFIRMED(Actor.Kind.CITIZEN, Set.of(TicketStatus.RESOLVED)),
    // Back to the queue: staff look at it afresh, so the old assignment is dropped.
    REOPENED(Actor.Kind.CITIZEN, Set.of(TicketStatus.RESOLVED));

    private final Actor.Kind by;
    private final Set<TicketStatus> from;

    Action(Actor.Kind by, Set<TicketStatus> from) {
        this.by = by;
        this.from = from;
    }

    public boolean allowedFrom(TicketStatus status) {
        return from.contains(status);
    }

    public Actor.Kind by() {
        return by;
    }

    /** The status after the action; a correction at triage leaves an assigned ticket assigned. */
    TicketStatus next(TicketStatus current) {
        return switch (this) {
            case REPORTED, REOPENED -> TicketStatus.NEW;
            case TRIAGED -> current == TicketStatus.ASSIGNED ? TicketStatus.ASSIGNED : TicketStatus.TRIAGED;
            case ASSIGNED -> TicketStatus.ASSIGNED;
            case RESOLVED -> TicketStatus.RESOLVED;
            case CONFIRMED -> TicketStatus.CLOSED;
        };
    }
}
