package org.govpaas.apps.hotline.ticket;

import java.time.Instant;

/** One ticket as stored; {@code id} never leaves the server, pages use {@code number}. */
public record Ticket(long id, String number, String citizenSubject, String citizenName, String category,
                     String district, String address, String description, TicketStatus status,
                     Priority priority, String assignedTeam, String assignedStaff, String resolutionNote,
                     Instant reportedAt, Instant resolvedAt, Instant closedAt, boolean hasPhoto) {
}
