package org.govpaas.apps.appointments.slots;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.govpaas.apps.appointments.HallSchedule;
import org.govpaas.apps.appointments.Offering;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * The slots of the halls, derived from the schedule and kept as rows. Rows are written by an
 * idempotent upsert: at start-up and every quarter of an hour (so the horizon moves with the
 * days, and a redeploy with new parameters is applied at once), and lazily for a hall before its
 * slots are shown. Several instances may do this at the same time; the result is the same.
 */
@Service
public class Slots {

    private static final Logger log = LoggerFactory.getLogger(Slots.class);

    private final SlotMapper mapper;
    private final HallSchedule schedule;
    private final Clock clock;
    private final Map<String, LocalDate> ensuredOn = new ConcurrentHashMap<>();

    Slots(SlotMapper mapper, HallSchedule schedule, Clock clock) {
        this.mapper = mapper;
        this.schedule = schedule;
        this.clock = clock;
    }

    @Scheduled(initialDelay = 0, fixedDelayString = "${appointments.slot-sync-interval:PT15M}")
    public void syncAll() {
        int written = 0;
        for (Offering hall : schedule.halls()) {
            written += ensure(hall.key());
        }
        if (written > 0) {
            log.info("{} slots created or brought up to date for the next {} days", written, schedule.daysAhead());
        }
    }

    /**
     * Writes the hall's slots of the booking horizon that are missing or out of date; returns how
     * many. Once per hall and day in this process: the parameters only change with a restart, and
     * the upsert of a whole horizon on every page view would cost more than the page itself.
     */
    public int ensure(String hall) {
        LocalDate today = schedule.today(clock);
        if (today.equals(ensuredOn.get(hall))) {
            return 0;
        }
        List<Instant> starts = new ArrayList<>();
        for (LocalDate date : schedule.bookableDates(clock)) {
            starts.addAll(schedule.slotStarts(date));
        }
        if (starts.isEmpty()) {
            return 0;
        }
        int written = mapper.upsert(hall, starts, schedule.slotLength().toMinutes(), schedule.capacity(), clock.instant());
        ensuredOn.put(hall, today);
        return written;
    }

    /** Every bookable date of the hall with its offered slots (full ones included, to show them as full). */
    public Map<LocalDate, List<Slot>> offered(String hall) {
        ensure(hall);
        List<LocalDate> dates = schedule.bookableDates(clock);
        Map<LocalDate, List<Slot>> byDate = new LinkedHashMap<>();
        dates.forEach(date -> byDate.put(date, new ArrayList<>()));
        if (dates.isEmpty()) {
            return byDate;
        }
        Instant from = dates.getFirst().atStartOfDay(schedule.zone()).toInstant();
        Instant to = dates.getLast().plusDays(1).atStartOfDay(schedule.zone()).toInstant();
        for (Slot slot : mapper.findByHall(hall, from, to)) {
            if (schedule.offers(slot.startsAt(), slot.endsAt(), clock)) {
                byDate.get(slot.startsAt().atZone(schedule.zone()).toLocalDate()).add(slot);
            }
        }
        byDate.values().removeIf(List::isEmpty);
        return byDate;
    }

    /** The slot if it can be booked now. */
    public Optional<Slot> offeredSlot(long id) {
        return Optional.ofNullable(mapper.findById(id))
                .filter(slot -> schedule.hall(slot.hall()).isPresent())
                .filter(slot -> schedule.offers(slot.startsAt(), slot.endsAt(), clock));
    }

    /** Every slot of the hall on that day, offered or left from an earlier grid (the staff schedule). */
    public List<Slot> onDay(String hall, LocalDate date) {
        ensure(hall);
        return mapper.findByHall(hall, date.atStartOfDay(schedule.zone()).toInstant(),
                date.plusDays(1).atStartOfDay(schedule.zone()).toInstant());
    }

    /** Takes a seat; false when the slot is full. Call inside the booking's transaction. */
    public boolean takeSeat(long slotId) {
        return mapper.takeSeat(slotId) == 1;
    }

    public void releaseSeat(long slotId) {
        mapper.releaseSeat(slotId);
    }
}
