package org.govpaas.apps.hotline.ticket;

import java.time.Instant;

/**
 * One transition: who, when, what; the fields an action does not use are null. The staff audit
 * lists these rows with their ticket's number.
 */
public record TicketEvent(long id, String ticketNumber, Instant at, Actor.Kind actorKind, String actorSubject,
                          String actorName, Action action, TicketStatus fromStatus, TicketStatus toStatus,
                          String category, Priority priority, String team, String staffName, String note) {
}
