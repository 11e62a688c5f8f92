package org.govpaas.apps.appointments.booking;

/** A booking or cancellation the rules do not allow; nothing was changed. */
public class BookingRefused extends RuntimeException {

    /** Why; {@link #messageKey()} is what the citizen reads. */
    public enum Reason {
        UNKNOWN_SERVICE, SLOT_NOT_OFFERED, SLOT_FULL, ALREADY_BOOKED, NOT_CANCELLABLE;

        public String messageKey() {
            return "booking.refused." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public BookingRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
