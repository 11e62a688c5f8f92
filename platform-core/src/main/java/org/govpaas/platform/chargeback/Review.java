package org.govpaas.platform.chargeback;

import java.time.Instant;

/** A step of a statement's review: APPROVED or DISPUTED by the department, RESOLVED by the IT office. */
public record Review(String action, String actor, String comment, Instant occurredAt) {
}
