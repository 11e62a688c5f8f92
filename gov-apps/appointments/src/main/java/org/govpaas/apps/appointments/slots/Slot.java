package org.govpaas.apps.appointments.slots;

import java.time.Instant;

/** One slot of one hall as stored: its times, its capacity and how many seats are taken. */
public record Slot(long id, String hall, Instant startsAt, Instant endsAt, int capacity, int booked) {

    public int free() {
        return Math.max(0, capacity - booked);
    }
}
