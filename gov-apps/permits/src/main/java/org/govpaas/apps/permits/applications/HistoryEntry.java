package org.govpaas.apps.permits.applications;

import java.time.Instant;

/** One row of an application's history: who did what, when, with which comment. */
public record HistoryEntry(long id, Action action, Status fromStatus, Status toStatus, Actor.Kind actorKind,
                           String actorSubject, String actorName, String comment, Instant occurredAt) {
}
