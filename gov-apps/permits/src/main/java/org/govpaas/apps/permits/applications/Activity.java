package org.govpaas.apps.permits.applications;

import java.time.Instant;

/** One transition as the staff audit trail lists it: which application, who, what, when. */
public record Activity(String reference, Action action, Status fromStatus, Status toStatus, Actor.Kind actorKind,
                       String actorName, String comment, Instant occurredAt) {
}
