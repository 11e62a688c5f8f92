package org.govpaas.apps.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class HallScheduleTest {

    static AppointmentSettings settings(String services, String halls, String hours, String days, int slotMinutes) {
        return new AppointmentSettings(services, halls, hours, days, slotMinutes, 3, 14, "Asia/Shanghai");
    }

    @Test
    void listsAreCommaOrLineSeparatedWithOptionalEnglishNames() {
        HallSchedule schedule = HallSchedule.from(settings("婚姻登记|Marriage registration，收养登记\n社会救助 | Social assistance",
                "市民中心", "09:00-17:00", "MON-FRI", 30));

        assertThat(schedule.services()).extracting(Offering::key).containsExactly("婚姻登记", "收养登记", "社会救助");
        assertThat(schedule.services().get(0).name(Locale.ENGLISH)).isEqualTo("Marriage registration");
        assertThat(schedule.services().get(1).name(Locale.ENGLISH)).isEqualTo("收养登记");
        assertThat(schedule.services().get(2).name(Locale.SIMPLIFIED_CHINESE)).isEqualTo("社会救助");
    }

    @Test
    void theGridCutsTheOpeningHoursIntoWholeSlotsOnOpenDaysOnly() {
        HallSchedule schedule = HallSchedule.from(settings("a", "h", "09:00-12:10", "MON-FRI", 45));

        assertThat(schedule.slotStarts(LocalDate.of(2026, 11, 30))).containsExactly(
                Instant.parse("2026-11-30T01:00:00Z"), Instant.parse("2026-11-30T01:45:00Z"),
                Instant.parse("2026-11-30T02:30:00Z"), Instant.parse("2026-11-30T03:15:00Z"));
        assertThat(schedule.slotStarts(LocalDate.of(2026, 12, 5))).as("a Saturday").isEmpty();
    }

    @Test
    void bookableDatesStartTodayInTheHallsTimeZoneAndSkipClosedDays() {
        HallSchedule schedule = HallSchedule.from(settings("a", "h", "09:00-17:00", "MON-FRI", 30));
        // Sunday 17:00 UTC is already Monday 01:00 in Shanghai.
        Clock sundayEveningUtc = Clock.fixed(Instant.parse("2026-11-29T17:00:00Z"), ZoneOffset.UTC);

        assertThat(schedule.bookableDates(sundayEveningUtc)).hasSize(10)
                .first().isEqualTo(LocalDate.of(2026, 11, 30));
    }

    @Test
    void aSlotIsOfferedOnlyOnTheGridInTheFutureAndWithinTheHorizon() {
        HallSchedule schedule = HallSchedule.from(settings("a", "h", "09:00-17:00", "MON-FRI", 30));
        Clock clock = Clock.fixed(TestClockConfiguration.MONDAY_EIGHT_AM, ZoneOffset.UTC);
        Instant nine = Instant.parse("2026-11-30T01:00:00Z");

        assertThat(schedule.offers(nine, nine.plusSeconds(1800), clock)).isTrue();
        assertThat(schedule.offers(nine, nine.plusSeconds(3600), clock)).as("other length").isFalse();
        assertThat(schedule.offers(nine.plusSeconds(600), nine.plusSeconds(2400), clock)).as("off the grid").isFalse();
        assertThat(schedule.offers(nine, nine.plusSeconds(1800), Clock.fixed(nine, ZoneOffset.UTC))).as("started").isFalse();
        Instant beyond = nine.plus(java.time.Duration.ofDays(14));
        assertThat(schedule.offers(beyond, beyond.plusSeconds(1800), clock)).as("beyond the horizon").isFalse();
    }

    @Test
    void dayListsAcceptRangesAndSingleDays() {
        assertThat(HallSchedule.days("MON-WED, sat")).containsExactlyInAnyOrder(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.SATURDAY);
        assertThat(HallSchedule.days("FRI-MON")).containsExactlyInAnyOrder(
                DayOfWeek.FRIDAY, DayOfWeek.SATURDAY, DayOfWeek.SUNDAY, DayOfWeek.MONDAY);
    }

    @Test
    void wrongParametersStopStartUpNamingTheParameter() {
        assertThatThrownBy(() -> HallSchedule.from(settings("a", "h", "9 to 5", "MON-FRI", 30)))
                .hasMessageContaining("GOVPAAS_PARAM_OPENING_HOURS").hasMessageContaining("09:00-17:00");
        assertThatThrownBy(() -> HallSchedule.from(settings("a", "h", "17:00-09:00", "MON-FRI", 30)))
                .hasMessageContaining("GOVPAAS_PARAM_OPENING_HOURS");
        assertThatThrownBy(() -> HallSchedule.from(settings("a", "h", "09:00-09:20", "MON-FRI", 30)))
                .hasMessageContaining("GOVPAAS_PARAM_SLOT_MINUTES");
        assertThatThrownBy(() -> HallSchedule.from(settings("a", "h", "09:00-17:00", "MONDAY-FRIDAY", 30)))
                .hasMessageContaining("GOVPAAS_PARAM_OPEN_DAYS");
        assertThatThrownBy(() -> HallSchedule.from(settings("a,a", "h", "09:00-17:00", "MON", 30)))
                .hasMessageContaining("GOVPAAS_PARAM_SERVICES").hasMessageContaining("twice");
        assertThatThrownBy(() -> HallSchedule.from(settings("a", "|English only", "09:00-17:00", "MON", 30)))
                .hasMessageContaining("GOVPAAS_PARAM_HALLS");
        assertThatThrownBy(() -> HallSchedule.from(new AppointmentSettings("a", "h", "09:00-17:00", "MON", 30, 3, 14, "Mars/Base")))
                .hasMessageContaining("GOVPAAS_PARAM_TIME_ZONE");
    }
}
