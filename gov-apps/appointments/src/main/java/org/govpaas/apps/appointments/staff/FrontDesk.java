package org.govpaas.apps.appointments.staff;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.govpaas.apps.appointments.HallSchedule;
import org.govpaas.apps.appointments.booking.Booking;
import org.govpaas.apps.appointments.booking.BookingMapper;
import org.govpaas.apps.appointments.booking.Bookings;
import org.govpaas.apps.appointments.booking.ConfirmationCodes;
import org.govpaas.apps.appointments.slots.Slot;
import org.govpaas.apps.appointments.slots.Slots;
import org.govpaas.apps.appointments.staff.CheckInRefused.Reason;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back office of the halls: the day's schedule, the check-in of citizens who arrive with
 * their confirmation code, and cancelling for a citizen. Each action and its audit row are written
 * together or not at all.
 */
@Service
public class FrontDesk {

    static final int AUDIT_PAGE = 200;

    private final Slots slots;
    private final BookingMapper bookings;
    private final Bookings citizensBookings;
    private final StaffActionMapper actions;
    private final HallSchedule schedule;
    private final Clock clock;

    FrontDesk(Slots slots, BookingMapper bookings, Bookings citizensBookings, StaffActionMapper actions,
              HallSchedule schedule, Clock clock) {
        this.slots = slots;
        this.bookings = bookings;
        this.citizensBookings = citizensBookings;
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
        record(booking, staffSubject, staffName, StaffAction.CHECK_IN);
        return bookings.findByCode(booking.code());
    }

    /**
     * Cancels a booking for the citizen (who phoned, say) and frees its seat; recorded like a check-in.
     *
     * @return the booking as it is now, or empty for an unknown code
     * @throws BookingRefused when it is already cancelled, checked in, or its slot has started
     */
    @Transactional
    public Optional<Booking> cancel(String code, String staffSubject, String staffName) {
        String normalized = ConfirmationCodes.normalize(code);
        Booking booking = normalized == null ? null : bookings.findByCode(normalized);
        if (booking == null) {
            return Optional.empty();
        }
        citizensBookings.cancelForCitizen(booking);
        record(booking, staffSubject, staffName, StaffAction.CANCEL);
        return Optional.of(bookings.findByCode(booking.code()));
    }

    private void record(Booking booking, String staffSubject, String staffName, String action) {
        actions.insert(clock.instant(), staffSubject, staffName, action, booking.code(),
                booking.hall() + " " + booking.startsAt().atZone(schedule.zone()).toLocalDateTime());
    }

    /** The latest staff actions, newest first. */
    public List<StaffAction> audit() {
        return actions.latest(AUDIT_PAGE);
    }
}
