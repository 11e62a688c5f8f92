package org.govpaas.apps.hotline.ticket;

import java.time.Instant;

/** The changeable part of a ticket, as one action leaves it. */
record TicketState(TicketStatus status, String category, Priority priority, String assignedTeam,
                   String assignedStaff, String resolutionNote, Instant resolvedAt, Instant closedAt) {

    static TicketState of(Ticket t) {
        return new TicketState(t.status(), t.category(), t.priority(), t.assignedTeam(), t.assignedStaff(),
                t.resolutionNote(), t.resolvedAt(), t.closedAt());
    }

    TicketState withStatus(TicketStatus next) {
        return new TicketState(next, category, priority, assignedTeam, assignedStaff, resolutionNote, resolvedAt,
                closedAt);
    }

    TicketState triaged(String newCategory, Priority newPriority) {
        return new TicketState(status, newCategory, newPriority, assignedTeam, assignedStaff, resolutionNote,
                resolvedAt, closedAt);
    }

    TicketState assigned(Assignee assignee) {
        return new TicketState(status, category, priority, assignee.team(), assignee.staffName(), resolutionNote,
                resolvedAt, closedAt);
    }

    TicketState resolved(String note, Instant at) {
        return new TicketState(status, category, priority, assignedTeam, assignedStaff, note, at, closedAt);
    }

    TicketState closed(Instant at) {
        return new TicketState(status, category, priority, assignedTeam, assignedStaff, resolutionNote, resolvedAt,
                at);
    }

    // The resolution that did not hold stays in the history only; resolution time will count to the
    // next one, and staff start again from the queue without the old assignment.
    TicketState reopened() {
        return new TicketState(status, category, priority, null, null, null, null, null);
    }
}
