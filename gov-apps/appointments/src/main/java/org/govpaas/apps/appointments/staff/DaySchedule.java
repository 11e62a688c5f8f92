package org.govpaas.apps.appointments.staff;

import java.util.List;
import org.govpaas.apps.appointments.booking.Booking;
import org.govpaas.apps.appointments.slots.Slot;

/** A hall's day for the back office: every slot with its bookings, cancelled ones included. */
public record DaySchedule(List<SlotBookings> slots) {

    public record SlotBookings(Slot slot, List<Booking> bookings) {
    }

    public int booked() {
        return slots.stream().mapToInt(s -> (int) s.bookings().stream()
                .filter(b -> b.status() != Booking.Status.CANCELLED).count()).sum();
    }
}
