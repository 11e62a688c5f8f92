package org.govpaas.apps.appointments.staff;

import java.util.Locale;

/** A check-in the rules do not allow; nothing was changed or recorded. */
public class CheckInRefused extends RuntimeException {

    public enum Reason {
        UNKNOWN_CODE, CANCELLED, ALREADY_CHECKED_IN, NOT_TODAY;

        public String messageKey() {
            return "checkin.refused." + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final Reason reason;

    public CheckInRefused(Reason reason) {
        super(reason.name());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
