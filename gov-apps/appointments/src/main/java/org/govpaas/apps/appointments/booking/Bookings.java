package org.govpaas.apps.appointments.booking;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.govpaas.apps.appointments.HallSchedule;
import org.govpaas.apps.appointments.booking.BookingRefused.Reason;
import org.govpaas.apps.appointments.slots.Slot;
import org.govpaas.apps.appointments.slots.Slots;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The citizens' bookings. Booking takes a seat of the slot with a conditional update and inserts
 * the booking in the same transaction: when the slot is full the update changes nothing, and
 * when the citizen already holds that slot the unique index refuses the insert and the seat is
 * given back by the rollback. So the capacity holds however many citizens book at once.
 */
@Service
public class Bookings {

    private static final int CODE_ATTEMPTS = 3;

    private final BookingMapper mapper;
    private final Slots slots;
    private final HallSchedule schedule;
    private final TransactionTemplate transaction;
    private final Clock clock;

    Bookings(BookingMapper mapper, Slots slots, HallSchedule schedule, TransactionTemplate transaction, Clock clock) {
        this.mapper = mapper;
        this.slots = slots;
        this.schedule = schedule;
        this.transaction = transaction;
        this.clock = clock;
    }

    /**
     * Books the slot for the citizen.
     *
     * @throws BookingRefused when the service is not offered, the slot cannot be booked now, it is
     *                        full, or the citizen already holds it
     */
    public Booking book(String citizenSubject, String citizenName, String service, long slotId) {
        if (schedule.service(service).isEmpty()) {
            throw new BookingRefused(Reason.UNKNOWN_SERVICE);
        }
        for (int attempt = 1; ; attempt++) {
            String code = ConfirmationCodes.next();
            try {
                return transaction.execute(status -> {
                    Slot slot = slots.offeredSlot(slotId).orElseThrow(() -> new BookingRefused(Reason.SLOT_NOT_OFFERED));
                    // Cheap check first, so a double submit does not queue behind the slot's row lock.
                    if (mapper.holdsLiveBooking(slot.id(), citizenSubject)) {
                        throw new BookingRefused(Reason.ALREADY_BOOKED);
                    }
                    if (!slots.takeSeat(slot.id())) {
                        throw new BookingRefused(Reason.SLOT_FULL);
                    }
                    mapper.insert(code, slot.id(), service, citizenSubject, citizenName);
                    return mapper.findByCode(code);
                });
            } catch (DuplicateKeyException e) {
                if (String.valueOf(e.getMessage()).contains("booking_one_per_citizen_and_slot")) {
                    throw new BookingRefused(Reason.ALREADY_BOOKED);
                }
                if (attempt == CODE_ATTEMPTS) { // 50 random bits: a repeat is a fault, not bad luck
                    throw e;
                }
            }
        }
    }

    /** The citizen's bookings, latest appointment first. */
    public List<Booking> of(String citizenSubject) {
        return mapper.findByCitizen(citizenSubject);
    }

    /** The booking when it is this citizen's; empty for an unknown code and for another citizen's. */
    public Optional<Booking> find(String citizenSubject, String code) {
        String normalized = ConfirmationCodes.normalize(code);
        return normalized == null ? Optional.empty()
                : Optional.ofNullable(mapper.findByCodeAndCitizen(normalized, citizenSubject));
    }

    /**
     * Cancels the citizen's open booking before its slot starts and frees its seat.
     *
     * @return false when the citizen has no booking with this code
     * @throws BookingRefused when it is already cancelled, checked in, or its slot has started
     */
    public boolean cancel(String citizenSubject, String code) {
        Optional<Booking> booking = find(citizenSubject, code);
        if (booking.isEmpty()) {
            return false;
        }
        cancel(booking.get(), citizenSubject);
        return true;
    }

    /**
     * Cancels a booking on the citizen's behalf (staff, e.g. when the citizen phones); the caller
     * records who did it, in the same transaction.
     *
     * @throws BookingRefused when it is already cancelled, checked in, or its slot has started
     */
    public void cancelForCitizen(Booking booking) {
        cancel(booking, null);
    }

    private void cancel(Booking booking, String citizenSubject) {
        transaction.executeWithoutResult(status -> {
            if (mapper.cancel(booking.code(), citizenSubject, clock.instant()) != 1) {
                throw new BookingRefused(Reason.NOT_CANCELLABLE);
            }
            slots.releaseSeat(booking.slotId());
        });
    }
}
