package org.govpaas.apps.appointments.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govpaas.apps.appointments.OwnDatabase;
import org.govpaas.apps.appointments.TestClockConfiguration;
import org.govpaas.apps.appointments.booking.BookingRefused.Reason;
import org.govpaas.apps.appointments.slots.Slot;
import org.govpaas.apps.appointments.slots.Slots;
import org.govpaas.apps.kit.testing.MutableClock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The booking rules against a real PostgreSQL, above all the capacity under concurrent booking. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "GOVPAAS_PARAM_HALLS=市民中心|Citizen Centre,东城|Dongcheng",
        "GOVPAAS_PARAM_SERVICES=婚姻登记|Marriage registration,收养登记",
        "GOVPAAS_PARAM_CAPACITY=3"})
class BookingsTest extends OwnDatabase {

    static final String HALL = "市民中心";
    static final String SERVICE = "婚姻登记";

    @Autowired
    Bookings bookings;
    @Autowired
    Slots slots;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    Slot slot;

    @BeforeEach
    void freshDay() {
        // Every test gets a slot nobody has booked yet: move to a later week each time.
        clock.set(TestClockConfiguration.MONDAY_EIGHT_AM.plus(Duration.ofDays(7L * jdbc.queryForObject(
                "select count(distinct slot_id) + 1 from booking", Long.class))));
        slot = slots.offered(HALL).values().iterator().next().getFirst();
        assertThat(slot.booked()).isZero();
    }

    @Test
    void fiftyCitizensBookingASlotOfThreeAtOnceGetExactlyThreeBookingsAndFortySevenSlotFull() throws Exception {
        int citizens = 50;
        CountDownLatch start = new CountDownLatch(1);
        Map<String, Integer> outcomes = new ConcurrentHashMap<>();
        List<Callable<Void>> tasks = new ArrayList<>();
        for (int i = 0; i < citizens; i++) {
            String subject = "citizen-" + i;
            tasks.add(() -> {
                start.await();
                String outcome;
                try {
                    bookings.book(subject, "市民 " + subject, SERVICE, slot.id());
                    outcome = "booked";
                } catch (BookingRefused e) {
                    outcome = e.reason().name();
                }
                outcomes.merge(outcome, 1, Integer::sum);
                return null;
            });
        }
        try (ExecutorService pool = Executors.newFixedThreadPool(citizens)) {
            List<Future<Void>> futures = new ArrayList<>();
            tasks.forEach(task -> futures.add(pool.submit(task)));
            start.countDown();
            for (Future<Void> future : futures) {
                future.get(); // an unexpected exception (a 500 to a citizen) fails the test here
            }
        }

        assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("booked", 3, "SLOT_FULL", 47));
        assertThat(jdbc.queryForObject("select booked from slot where id = ?", Integer.class, slot.id())).isEqualTo(3);
        assertThat(jdbc.queryForObject("select count(*) from booking where slot_id = ? and status = 'BOOKED'",
                Integer.class, slot.id())).isEqualTo(3);
    }

    @Test
    void aCitizenDoubleSubmittingHoldsOneSeat() throws Exception {
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            tasks.add(() -> {
                try {
                    return bookings.book("same-citizen", "张三", SERVICE, slot.id()).code();
                } catch (BookingRefused e) {
                    return e.reason().name();
                }
            });
        }
        List<String> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(10)) {
            for (Future<String> result : pool.invokeAll(tasks)) {
                results.add(result.get());
            }
        }

        assertThat(results).filteredOn(r -> r.equals("ALREADY_BOOKED")).hasSize(9);
        assertThat(jdbc.queryForObject("select booked from slot where id = ?", Integer.class, slot.id())).isEqualTo(1);
    }

    @Test
    void aBookingHasAnUnguessableCodeAndShowsOnlyToItsCitizen() {
        Booking first = bookings.book("citizen-a", "张三", SERVICE, slot.id());
        Booking second = bookings.book("citizen-b", "李四", SERVICE, slot.id());

        assertThat(first.code()).matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}").isNotEqualTo(second.code());
        assertThat(first.hall()).isEqualTo(HALL);
        assertThat(first.startsAt()).isEqualTo(slot.startsAt());
        assertThat(bookings.find("citizen-a", first.code().toLowerCase().replace("-", " "))).contains(first);
        assertThat(bookings.find("citizen-b", first.code())).isEmpty();
        assertThat(bookings.of("citizen-a")).containsExactly(first);
    }

    @Test
    void cancellingFreesTheSeatForSomeoneElse() {
        for (int i = 0; i < 3; i++) {
            bookings.book("citizen-" + i, "市民", SERVICE, slot.id());
        }
        String code = bookings.of("citizen-0").getFirst().code();
        assertThatThrownBy(() -> bookings.book("late", "迟到", SERVICE, slot.id()))
                .extracting(e -> ((BookingRefused) e).reason()).isEqualTo(Reason.SLOT_FULL);

        assertThat(bookings.cancel("citizen-1", code)).as("another citizen's code is not theirs").isFalse();
        assertThat(bookings.cancel("citizen-0", code)).isTrue();

        assertThat(bookings.find("citizen-0", code)).get().extracting(Booking::status).isEqualTo(Booking.Status.CANCELLED);
        assertThat(bookings.book("late", "迟到", SERVICE, slot.id()).status()).isEqualTo(Booking.Status.BOOKED);
        assertThatThrownBy(() -> bookings.cancel("citizen-0", code))
                .extracting(e -> ((BookingRefused) e).reason()).isEqualTo(Reason.NOT_CANCELLABLE);
        assertThat(jdbc.queryForObject("select booked from slot where id = ?", Integer.class, slot.id())).isEqualTo(3);
    }

    @Test
    void aCitizenMayBookTheSameSlotAgainAfterCancelling() {
        Booking first = bookings.book("citizen-a", "张三", SERVICE, slot.id());
        bookings.cancel("citizen-a", first.code());

        Booking again = bookings.book("citizen-a", "张三", SERVICE, slot.id());

        assertThat(again.code()).isNotEqualTo(first.code());
    }

    @Test
    void aStartedSlotCanNeitherBeBookedNorCancelled() {
        Booking booking = bookings.book("citizen-a", "张三", SERVICE, slot.id());
        clock.set(slot.startsAt());

        assertThatThrownBy(() -> bookings.book("citizen-b", "李四", SERVICE, slot.id()))
                .extracting(e -> ((BookingRefused) e).reason()).isEqualTo(Reason.SLOT_NOT_OFFERED);
        assertThatThrownBy(() -> bookings.cancel("citizen-a", booking.code()))
                .extracting(e -> ((BookingRefused) e).reason()).isEqualTo(Reason.NOT_CANCELLABLE);
    }

    @Test
    void unknownServicesAndSlotsAreRefusedAndChangeNothing() {
        assertThatThrownBy(() -> bookings.book("citizen-a", "张三", "<script>x</script>", slot.id()))
                .extracting(e -> ((BookingRefused) e).reason()).isEqualTo(Reason.UNKNOWN_SERVICE);
        assertThatThrownBy(() -> bookings.book("citizen-a", "张三", SERVICE, -1))
                .extracting(e -> ((BookingRefused) e).reason()).isEqualTo(Reason.SLOT_NOT_OFFERED);
        assertThat(jdbc.queryForObject("select booked from slot where id = ?", Integer.class, slot.id())).isZero();
        assertThat(bookings.of("citizen-a")).isEmpty();
    }
}
