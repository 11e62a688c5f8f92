package org.govpaas.apps.appointments;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the halls offer, parsed from the deploy parameters: the services, the halls, and the grid
 * of slots (opening days and hours cut into slots of equal length). A slot is offered when it is
 * on this grid, has not started yet and lies within the booking horizon; rows of an earlier grid
 * (before a redeploy changed the hours) keep their bookings but are not offered again.
 */
public final class HallSchedule {

    static final int MAX_NAME_LENGTH = 100;
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[\\n\\r,;，；、]+");
    private static final Pattern HOURS = Pattern.compile("\\s*(\\d{1,2}:\\d{2})\\s*[-–~至到]\\s*(\\d{1,2}:\\d{2})\\s*");
    private static final Pattern DAY_RANGE = Pattern.compile("([A-Za-z]{3})\\s*-\\s*([A-Za-z]{3})");

    private final List<Offering> services;
    private final List<Offering> halls;
    private final Set<DayOfWeek> openDays;
    private final LocalTime opens;
    private final LocalTime closes;
    private final Duration slotLength;
    private final int capacity;
    private final int daysAhead;
    private final ZoneId zone;

    HallSchedule(List<Offering> services, List<Offering> halls, Set<DayOfWeek> openDays, LocalTime opens,
                 LocalTime closes, Duration slotLength, int capacity, int daysAhead, ZoneId zone) {
        this.services = List.copyOf(services);
        this.halls = List.copyOf(halls);
        this.openDays = Set.copyOf(openDays);
        this.opens = opens;
        this.closes = closes;
        this.slotLength = slotLength;
        this.capacity = capacity;
        this.daysAhead = daysAhead;
        this.zone = zone;
    }

    /** The schedule of these parameters; an IllegalArgumentException names the parameter that is wrong. */
    public static HallSchedule from(AppointmentSettings settings) {
        List<Offering> services = offerings("GOVPAAS_PARAM_SERVICES", settings.services());
        List<Offering> halls = offerings("GOVPAAS_PARAM_HALLS", settings.halls());
        Matcher hours = HOURS.matcher(settings.openingHours());
        if (!hours.matches()) {
            throw new IllegalArgumentException("GOVPAAS_PARAM_OPENING_HOURS must look like 09:00-17:00, not '"
                    + settings.openingHours() + "'");
        }
        LocalTime opens = time("GOVPAAS_PARAM_OPENING_HOURS", hours.group(1));
        LocalTime closes = time("GOVPAAS_PARAM_OPENING_HOURS", hours.group(2));
        Duration slotLength = Duration.ofMinutes(settings.slotMinutes());
        if (!opens.plus(slotLength).isAfter(opens) || opens.plus(slotLength).isAfter(closes) || !closes.isAfter(opens)) {
            throw new IllegalArgumentException("GOVPAAS_PARAM_OPENING_HOURS '" + settings.openingHours()
                    + "' must open before it closes and leave room for one slot of "
                    + settings.slotMinutes() + " minutes (GOVPAAS_PARAM_SLOT_MINUTES)");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(settings.timeZone().strip());
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("GOVPAAS_PARAM_TIME_ZONE must be a time zone like Asia/Shanghai, not '"
                    + settings.timeZone() + "'");
        }
        return new HallSchedule(services, halls, days(settings.openDays()), opens, closes, slotLength,
                settings.capacity(), settings.daysAhead(), zone);
    }

    private static List<Offering> offerings(String parameter, String text) {
        Map<String, Offering> byKey = new LinkedHashMap<>();
        for (String item : ITEM_SEPARATOR.split(text)) {
            if (item.isBlank()) {
                continue;
            }
            int bar = item.indexOf('|');
            String key = (bar < 0 ? item : item.substring(0, bar)).strip();
            String english = bar < 0 ? "" : item.substring(bar + 1).strip();
            if (key.isEmpty() || key.length() > MAX_NAME_LENGTH || english.length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException(parameter + ": every item needs a name of 1 to "
                        + MAX_NAME_LENGTH + " characters ('中文名' or '中文名|English name'), not '" + item.strip() + "'");
            }
            if (byKey.putIfAbsent(key, new Offering(key, english)) != null) {
                throw new IllegalArgumentException(parameter + " names '" + key + "' twice");
            }
        }
        if (byKey.isEmpty()) {
            throw new IllegalArgumentException(parameter + " must name at least one item");
        }
        return List.copyOf(byKey.values());
    }

    private static LocalTime time(String parameter, String text) {
        try {
            return LocalTime.parse(text.length() == 4 ? "0" + text : text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(parameter + ": '" + text + "' is not a time of day like 09:00");
        }
    }

    /** {@code MON-FRI}, {@code MON,WED,SAT} or a mix; ranges may wrap (FRI-MON). */
    static Set<DayOfWeek> days(String text) {
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String part : text.split(",")) {
            String item = part.strip();
            Matcher range = DAY_RANGE.matcher(item);
            if (range.matches()) {
                DayOfWeek day = day(range.group(1));
                DayOfWeek last = day(range.group(2));
                days.add(day);
                while (day != last) {
                    day = day.plus(1);
                    days.add(day);
                }
            } else if (!item.isEmpty()) {
                days.add(day(item));
            }
        }
        if (days.isEmpty()) {
            throw new IllegalArgumentException("GOVPAAS_PARAM_OPEN_DAYS must name at least one day, e.g. MON-FRI");
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().substring(0, 3).equalsIgnoreCase(abbreviation.strip())) {
                return day;
            }
        }
        throw new IllegalArgumentException("GOVPAAS_PARAM_OPEN_DAYS: '" + abbreviation
                + "' is not a day; use MON TUE WED THU FRI SAT SUN, ranges like MON-FRI, commas between");
    }

    public List<Offering> services() {
        return services;
    }

    public List<Offering> halls() {
        return halls;
    }

    public Optional<Offering> service(String key) {
        return services.stream().filter(s -> s.key().equals(key)).findFirst();
    }

    public Optional<Offering> hall(String key) {
        return halls.stream().filter(h -> h.key().equals(key)).findFirst();
    }

    /** The name of a stored service or hall key in this locale; the key itself once a redeploy dropped it. */
    public String nameOf(String key, Locale locale) {
        return service(key).or(() -> hall(key)).map(o -> o.name(locale)).orElse(key);
    }

    public ZoneId zone() {
        return zone;
    }

    public LocalTime opens() {
        return opens;
    }

    public LocalTime closes() {
        return closes;
    }

    public Set<DayOfWeek> openDays() {
        return openDays;
    }

    public Duration slotLength() {
        return slotLength;
    }

    public int capacity() {
        return capacity;
    }

    public int daysAhead() {
        return daysAhead;
    }

    /** Today in the halls' time zone. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(zone));
    }

    /** The open days from today within the booking horizon, in order. */
    public List<LocalDate> bookableDates(Clock clock) {
        LocalDate today = today(clock);
        List<LocalDate> dates = new ArrayList<>();
        for (int i = 0; i < daysAhead; i++) {
            LocalDate date = today.plusDays(i);
            if (openDays.contains(date.getDayOfWeek())) {
                dates.add(date);
            }
        }
        return dates;
    }

    /** The starts of the slots of one day of the grid (none on a closed day). */
    public List<Instant> slotStarts(LocalDate date) {
        List<Instant> starts = new ArrayList<>();
        if (!openDays.contains(date.getDayOfWeek())) {
            return starts;
        }
        for (LocalTime start = opens; !start.plus(slotLength).isAfter(closes); start = start.plus(slotLength)) {
            starts.add(date.atTime(start).atZone(zone).toInstant());
            if (start.plus(slotLength).isBefore(start)) {
                break; // wrapped past midnight
            }
        }
        return starts;
    }

    /** Whether a slot with these times may be booked now: on the current grid, in the future, in the horizon. */
    public boolean offers(Instant startsAt, Instant endsAt, Clock clock) {
        if (!startsAt.isAfter(clock.instant()) || !endsAt.equals(startsAt.plus(slotLength))) {
            return false;
        }
        LocalDate date = startsAt.atZone(zone).toLocalDate();
        LocalDate today = today(clock);
        return !date.isBefore(today) && date.isBefore(today.plusDays(daysAhead)) && slotStarts(date).contains(startsAt);
    }
}
