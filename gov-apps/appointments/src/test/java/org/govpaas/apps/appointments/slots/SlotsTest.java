package org.govpaas.apps.appointments.slots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.govpaas.apps.appointments.AppointmentSettings;
import org.govpaas.apps.appointments.HallSchedule;
import org.govpaas.apps.appointments.OwnDatabase;
import org.govpaas.apps.appointments.booking.Bookings;
import org.govpaas.apps.kit.testing.MutableClock;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Slots derived from the parameters: created idempotently, and a redeploy with other parameters
 * (simulated by a second {@link Slots} on the same database) never loses a booking.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "GOVPAAS_PARAM_HALLS=市民中心", "GOVPAAS_PARAM_SERVICES=婚姻登记", "GOVPAAS_PARAM_OPENING_HOURS=09:00-12:00",
        "GOVPAAS_PARAM_SLOT_MINUTES=30", "GOVPAAS_PARAM_CAPACITY=3", "GOVPAAS_PARAM_DAYS_AHEAD=7"})
class SlotsTest extends OwnDatabase {

    static final String HALL = "市民中心";
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Autowired
    Slots slots;
    @Autowired
    SlotMapper mapper;
    @Autowired
    Bookings bookings;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theGridIsWrittenOnceHowEverOftenItIsSynced() {
        slots.syncAll();
        int rows = count();
        assertThat(slots.ensure(HALL)).as("nothing left to write").isZero();
        slots.syncAll();

        // Mon-Fri of a 7-day horizon starting Monday, 6 half-hour slots from 09:00 to 12:00.
        assertThat(rows).isEqualTo(5 * 6);
        assertThat(count()).isEqualTo(rows);
        assertThat(slots.offered(HALL)).hasSize(5).allSatisfy((date, day) -> assertThat(day).hasSize(6));
    }

    @Test
    void aRedeployWithSmallerCapacityAndLongerSlotsKeepsTheBookingsOfTheSlotsTheyAreIn() {
        Slot nine = slots.onDay(HALL, MONDAY.plusDays(1)).getFirst();
        bookings.book("citizen-a", "张三", "婚姻登记", nine.id());
        bookings.book("citizen-b", "李四", "婚姻登记", nine.id());

        Slots redeployed = new Slots(mapper, HallSchedule.from(new AppointmentSettings("婚姻登记", HALL,
                "09:00-12:00", "MON-FRI", 60, 1, 7, "Asia/Shanghai")), clock);
        redeployed.syncAll();

        Slot after = mapper.findById(nine.id());
        assertThat(after.booked()).isEqualTo(2);
        assertThat(after.capacity()).as("never below the seats taken").isEqualTo(2);
        assertThat(after.endsAt()).isEqualTo(nine.startsAt().plusSeconds(3600));
        assertThat(bookings.of("citizen-a")).singleElement().satisfies(b -> assertThat(b.slotId()).isEqualTo(nine.id()));
        // Of the old 09:30 slot nothing is offered any more: it is off the new grid.
        List<Slot> tuesday = redeployed.offered(HALL).get(MONDAY.plusDays(1));
        assertThat(tuesday).extracting(Slot::startsAt).containsExactly(nine.startsAt(),
                nine.startsAt().plusSeconds(3600), nine.startsAt().plusSeconds(7200));
        assertThat(tuesday.getFirst().free()).isZero();

        // And back: the next redeploy restores the original grid, the bookings still in their slot.
        new Slots(mapper, HallSchedule.from(new AppointmentSettings("婚姻登记", HALL, "09:00-12:00", "MON-FRI", 30, 3, 7,
                "Asia/Shanghai")), clock).syncAll();
        assertThat(mapper.findById(nine.id())).extracting(Slot::endsAt, Slot::capacity, Slot::booked)
                .containsExactly(nine.endsAt(), 3, 2);
    }

    @Test
    void aHallDroppedByARedeployIsNoLongerOfferedButItsBookingsRemain() {
        Slot slot = slots.onDay(HALL, MONDAY.plusDays(2)).getFirst();
        String code = bookings.book("citizen-c", "王五", "婚姻登记", slot.id()).code();

        Slots redeployed = new Slots(mapper, HallSchedule.from(new AppointmentSettings("婚姻登记", "新大厅",
                "09:00-12:00", "MON-FRI", 30, 3, 7, "Asia/Shanghai")), clock);

        assertThat(redeployed.offeredSlot(slot.id())).isEmpty();
        assertThat(bookings.find("citizen-c", code)).isPresent();
    }

    private int count() {
        return jdbc.queryForObject("select count(*) from slot", Integer.class);
    }
}
