package org.govpaas.apps.appointments.staff;

import java.time.Instant;

/** One recorded action of a staff member: who, when, what, to which booking. */
public record StaffAction(long id, Instant at, String staffSubject, String staffName, String action,
                          String bookingCode, String detail) {

    public static final String CHECK_IN = "CHECK_IN";
    public static final String CANCEL = "CANCEL";
}
