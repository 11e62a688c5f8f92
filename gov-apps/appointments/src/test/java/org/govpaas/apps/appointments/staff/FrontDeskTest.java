package org.govpaas.apps.appointments.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.govpaas.apps.appointments.OwnDatabase;
import org.govpaas.apps.appointments.TestClockConfiguration;
import org.govpaas.apps.appointments.booking.Booking;
import org.govpaas.apps.appointments.booking.Bookings;
import org.govpaas.apps.appointments.slots.Slot;
import org.govpaas.apps.appointments.slots.Slots;
import org.govpaas.apps.appointments.staff.CheckInRefused.Reason;
import org.govpaas.apps.kit.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The day's schedule and the check-in, with its audit row. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "GOVPAAS_PARAM_HALLS=市民中心", "GOVPAAS_PARAM_SERVICES=婚姻登记"})
class FrontDeskTest extends OwnDatabase {

    static final String HALL = "市民中心";
    static final LocalDate TUESDAY = LocalDate.of(2026, 12, 1);

    @Autowired
    FrontDesk desk;
    @Autowired
    Bookings bookings;
    @Autowired
    Slots slots;
    @Autowired
    MutableClock clock;

    Slot tuesdayTen;

    @BeforeEach
    void monday() {
        clock.set(TestClockConfiguration.MONDAY_EIGHT_AM);
        tuesdayTen = slots.onDay(HALL, TUESDAY).get(2);
    }

    @Test
    void theDayShowsEverySlotWithItsBookings() {
        Booking booking = bookings.book("citizen-a", "张三", "婚姻登记", tuesdayTen.id());

        DaySchedule day = desk.day(HALL, TUESDAY);

        assertThat(day.slots()).hasSize(16);
        assertThat(day.slots().get(2).bookings()).extracting(Booking::code).contains(booking.code());
        assertThat(day.booked()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void aCitizenIsCheckedInOnTheDayOnceAndTheActionIsAudited() {
        Booking booking = bookings.book("citizen-b", "李四", "婚姻登记", tuesdayTen.id());

        assertThatThrownBy(() -> desk.checkIn(booking.code(), "staff-1", "王科员"))
                .extracting(e -> ((CheckInRefused) e).reason()).isEqualTo(Reason.NOT_TODAY);

        clock.set(tuesdayTen.startsAt().minusSeconds(600));
        Booking checkedIn = desk.checkIn(booking.code().toLowerCase(), "staff-1", "王科员");

        assertThat(checkedIn.status()).isEqualTo(Booking.Status.CHECKED_IN);
        assertThat(checkedIn.checkedInAt()).isEqualTo(clock.instant());
        assertThat(desk.audit()).first().satisfies(action -> {
            assertThat(action.staffName()).isEqualTo("王科员");
            assertThat(action.action()).isEqualTo(StaffAction.CHECK_IN);
            assertThat(action.bookingCode()).isEqualTo(booking.code());
            assertThat(action.at()).isEqualTo(clock.instant());
        });
        int audited = desk.audit().size();
        assertThatThrownBy(() -> desk.checkIn(booking.code(), "staff-1", "王科员"))
                .extracting(e -> ((CheckInRefused) e).reason()).isEqualTo(Reason.ALREADY_CHECKED_IN);
        assertThat(desk.audit()).hasSize(audited);
    }

    @Test
    void cancelledAndUnknownCodesAreRefused() {
        Booking booking = bookings.book("citizen-c", "王五", "婚姻登记", tuesdayTen.id());
        bookings.cancel("citizen-c", booking.code());
        clock.set(tuesdayTen.startsAt());

        assertThatThrownBy(() -> desk.checkIn(booking.code(), "staff-1", "王科员"))
                .extracting(e -> ((CheckInRefused) e).reason()).isEqualTo(Reason.CANCELLED);
        assertThatThrownBy(() -> desk.checkIn("22222-22222", "staff-1", "王科员"))
                .extracting(e -> ((CheckInRefused) e).reason()).isEqualTo(Reason.UNKNOWN_CODE);
        assertThatThrownBy(() -> desk.checkIn("' or 1=1 --", "staff-1", "王科员"))
                .extracting(e -> ((CheckInRefused) e).reason()).isEqualTo(Reason.UNKNOWN_CODE);
    }
}
