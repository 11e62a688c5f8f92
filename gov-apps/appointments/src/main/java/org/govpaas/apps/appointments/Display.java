package org.govpaas.apps.appointments;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * How templates show times and names ({@code ${@display.time(slot.startsAt)}}): in the halls' time
 * zone and the reader's language, whatever the server's own zone is.
 */
@Component("display")
public class Display {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final HallSchedule schedule;

    Display(HallSchedule schedule) {
        this.schedule = schedule;
    }

    public String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant.atZone(schedule.zone()));
    }

    public String date(LocalDate date) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(LocaleContextHolder.getLocale()).format(date);
    }

    public String date(Instant instant) {
        return date(day(instant));
    }

    /** Date and time, e.g. for the audit log. */
    public String dateTime(Instant instant) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(LocaleContextHolder.getLocale())
                .format(instant.atZone(schedule.zone())) + " " + time(instant);
    }

    public LocalDate day(Instant instant) {
        return instant.atZone(schedule.zone()).toLocalDate();
    }

    /** The open days in the reader's language, Monday first, e.g. 星期一、星期二 or Monday, Tuesday. */
    public String days(Set<DayOfWeek> days) {
        Locale locale = LocaleContextHolder.getLocale();
        return days.stream().sorted().map(day -> day.getDisplayName(TextStyle.FULL, locale))
                .collect(Collectors.joining("en".equals(locale.getLanguage()) ? ", " : "、"));
    }

    /** The name of a service or hall key in the reader's language. */
    public String name(String key) {
        return schedule.nameOf(key, LocaleContextHolder.getLocale());
    }
}
