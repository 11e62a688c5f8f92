package org.govpaas.apps.permits.citizen;

import java.time.Instant;
import org.govpaas.apps.permits.applications.Action;
import org.govpaas.apps.permits.applications.Actor;
import org.govpaas.apps.permits.applications.HistoryEntry;
import org.govpaas.apps.permits.applications.Status;

/**
 * One step of the history as the citizen sees it. Staff are shown by their role ("reviewing
 * officer"), never by name: the citizen needs to know what happened and why, while the officer's
 * name is personal data of the officer that the department's own records (the staff view) keep.
 *
 * @param byCitizen the citizen did it (shown as "you"); otherwise a reviewing officer did
 */
record Step(Action action, Status toStatus, boolean byCitizen, String comment, Instant occurredAt) {

    static Step of(HistoryEntry entry) {
        return new Step(entry.action(), entry.toStatus(), entry.actorKind() == Actor.Kind.CITIZEN, entry.comment(),
                entry.occurredAt());
    }
}
