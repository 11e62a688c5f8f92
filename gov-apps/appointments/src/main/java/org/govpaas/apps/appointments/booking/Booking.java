package org.govpaas.apps.appointments.booking;

import java.time.Instant;

/**
 * A citizen's booking with the times of its slot.
 *
 * @param code    the confirmation code the citizen shows at the hall
 * @param service the key (Chinese name) of the service, as booked
 * @param hall    the key of the hall
 */
public record Booking(long id, String code, long slotId, String service, String hall, Instant startsAt,
                      Instant endsAt, String citizenSubject, String citizenName, Status status,
                      Instant createdAt, Instant checkedInAt) {

    public enum Status { BOOKED, CANCELLED, CHECKED_IN }

    /** A citizen may cancel a booking that is still open and whose slot has not started. */
    public boolean cancellableAt(Instant now) {
        return status == Status.BOOKED && startsAt.isAfter(now);
    }
}
