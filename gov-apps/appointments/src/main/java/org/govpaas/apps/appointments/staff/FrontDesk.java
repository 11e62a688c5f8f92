package org.govpaas.apps.appointments.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.govpaas.apps.appointments.HallSchedule;
import org.govpaas.apps.appointments.booking.Booking;
import org.govpaas.apps.appointments.booking.BookingMapper;
import org.govpaas.apps.appointments.booking.ConfirmationCodes;
import org.govpaas.apps.appointments.slots.Slot;
import org.govpaas.apps.appointments.slots.Slots;
import org.govpaas.apps.appointments.staff.CheckInRefused.Reason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office of the halls: the day's schedule and the check-in of citizens who arrive with
 * their confirmation code. A check-in and its audit row are written together or not at all.
 */
@Service
public class FrontDesk {

    static final int AUDIT_PAGE = 200;

    private final Slots slots;
    private final BookingMapper bookings;
    private final StaffActionMapper actions;
    private final HallSchedule schedule;
    private final Clock clock;

    FrontDesk(Slots slots, BookingMapper bookings, StaffActionMapper actions, HallSchedule schedule, Clock clock) {
        this.slots = slots;
        this.bookings = bookings;
        this.actions = actions;
        this.schedule = schedule;
        this.clock = clock;
    }

    public DaySchedule day(String hall, LocalDate date) {
        List<Booking> all = bookings.findByHall(hall, date.atStartOfDay(schedule.zone()).toInstant(),
                date.plusDays(1).atStartOfDay(schedule.zone()).toInstant());
        List<DaySchedule.SlotBookings> day = new ArrayList<>();
        for (Slot slot : slots.onDay(hall, date)) {
            day.add(new DaySchedule.SlotBookings(slot, all.stream().filter(b -> b.slotId() == slot.id()).toList()));
        }
        return new DaySchedule(day);
    }

    /**
     * Checks in the citizen of this booking, on the day of the appointment only.
     *
     * @throws CheckInRefused for an unknown or malformed code, a cancelled or already checked-in
     *                        booking, or a booking of another day
     */
    @Transactional
    public Booking checkIn(String code, String staffSubject, String staffName) {
        String normalized = ConfirmationCodes.normalize(code);
        Booking booking = normalized == null ? null : bookings.findByCode(normalized);
        if (booking == null) {
            throw new CheckInRefused(Reason.UNKNOWN_CODE);
        }
        if (!booking.startsAt().atZone(schedule.zone()).toLocalDate().equals(schedule.today(clock))) {
            throw new CheckInRefused(Reason.NOT_TODAY);
        }
        if (bookings.checkIn(booking.code(), clock.instant()) != 1) {
            throw new CheckInRefused(booking.status() == Booking.Status.CANCELLED
                    ? Reason.CANCELLED : Reason.ALREADY_CHECKED_IN);
        }
        actions.insert(clock.instant(), staffSubject, staffName, StaffAction.CHECK_IN, booking.code(),
                booking.hall() + " " + booking.startsAt().atZone(schedule.zone()).toLocalDateTime());
        return bookings.findByCode(booking.code());
    }

    /** The latest staff actions, newest first. */
    public List<StaffAction> audit() {
        return actions.latest(AUDIT_PAGE);
    }
}
