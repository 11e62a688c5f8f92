package org.govpaas.apps.appointments.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govpaas.apps.appointments.SignedIn.citizen;
import static org.govpaas.apps.appointments.SignedIn.sessionOf;
import static org.govpaas.apps.appointments.SignedIn.staff;
import static org.govpaas.apps.appointments.SignedIn.staffOfAnotherDepartment;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import org.govpaas.apps.appointments.OwnDatabase;
import org.govpaas.apps.appointments.TestClockConfiguration;
import org.govpaas.apps.appointments.booking.Booking;
import org.govpaas.apps.appointments.booking.Bookings;
import org.govpaas.apps.appointments.slots.Slot;
import org.govpaas.apps.appointments.slots.Slots;
import org.govpaas.apps.kit.testing.MutableClock;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** The back office: only the department's staff, the day's schedule, check-in with errors at the field, the audit. */
@SpringBootTest(properties = {"GOVPAAS_PARAM_HALLS=市民中心|Citizen Centre,东城|Dongcheng", "GOVPAAS_PARAM_SERVICES=婚姻登记"})
@AutoConfigureMockMvc
class StaffWebTest extends OwnDatabase {

    static final String HALL = "市民中心";
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 30);

    @Autowired
    MockMvc mvc;
    @Autowired
    Slots slots;
    @Autowired
    Bookings bookings;
    @Autowired
    MutableClock clock;

    Slot mondayTen;

    @BeforeEach
    void monday() {
        clock.set(TestClockConfiguration.MONDAY_EIGHT_AM);
        mondayTen = slots.onDay(HALL, MONDAY).get(2);
    }

    @Test
    void onlyStaffOfTheDepartmentReachTheBackOffice() throws Exception {
        mvc.perform(get("/staff/schedule").with(staffOfAnotherDepartment("other-dept"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/audit").with(staffOfAnotherDepartment("other-dept"))).andExpect(status().isForbidden());
        mvc.perform(post("/staff/check-in").with(staffOfAnotherDepartment("other-dept")).with(csrf()).param("code", "22222-22222"))
                .andExpect(status().isForbidden());
        mvc.perform(get("/staff/schedule").with(citizen("c-1", "张三"))).andExpect(status().isForbidden());
        mvc.perform(get("/staff/schedule").with(staff("s-1", "王科员"))).andExpect(status().isOk());
    }

    @Test
    void theDayScheduleListsTheBookingsOfTheChosenHall() throws Exception {
        Slot mondayEleven = slots.onDay(HALL, MONDAY).get(4);
        Booking booking = bookings.book("c-2", "<b>李四</b>", "婚姻登记", mondayEleven.id());

        String page = mvc.perform(get("/staff/schedule").param("hall", HALL).param("date", "2026-11-30")
                .with(staff("s-1", "王科员"))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String otherHall = mvc.perform(get("/staff/schedule").param("hall", "东城").param("date", "2026-11-30")
                .with(staff("s-1", "王科员"))).andReturn().getResponse().getContentAsString();

        assertThat(page).contains(booking.code(), "&lt;b&gt;李四&lt;/b&gt;", "11:00 至 11:30", "1 / 3")
                .doesNotContain("<b>李四</b>");
        assertThat(otherHall).doesNotContain(booking.code());
    }

    @Test
    void checkInByCodeShowsSuccessAndIsRecordedWithTheStaffName() throws Exception {
        Booking booking = bookings.book("c-3", "王五", "婚姻登记", mondayTen.id());

        var result = mvc.perform(post("/staff/check-in").with(staff("s-2", "赵科长")).with(csrf())
                        .param("code", booking.code().toLowerCase().replace("-", "")))
                .andExpect(status().is3xxRedirection()).andReturn();
        assertThat(result.getResponse().getRedirectedUrl()).contains("/staff/schedule", "date=2026-11-30");

        String schedule = mvc.perform(get(URI.create(result.getResponse().getRedirectedUrl())).with(staff("s-2", "赵科长"))
                .cookie(sessionOf(result)))
                .andReturn().getResponse().getContentAsString();
        assertThat(schedule).contains("王五（" + booking.code(), "已签到");
        String audit = mvc.perform(get("/staff/audit").with(staff("s-2", "赵科长"))).andReturn().getResponse().getContentAsString();
        assertThat(audit).contains("赵科长", "为市民签到", booking.code());
    }

    @Test
    void aWrongCodeIsExplainedAtTheFieldAndNothingIsRecorded() throws Exception {
        for (String code : new String[] {"", "22222-22222", "<script>alert(1)</script>", "x".repeat(5000)}) {
            String body = mvc.perform(post("/staff/check-in").with(staff("s-3", "钱科员")).with(csrf())
                    .param("code", code).param("hall", HALL).param("date", "2026-11-30"))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            Document page = Jsoup.parse(body);
            assertThat(page.select(".govuk-error-summary a").attr("href")).isEqualTo("#code");
            assertThat(page.select("#code-error").text()).contains("没有此确认码的预约");
            assertThat(body).doesNotContain("<script>alert(1)</script>");
        }
        String audit = mvc.perform(get("/staff/audit").with(staff("s-3", "钱科员"))).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(audit).select("main").text()).doesNotContain("钱科员");
    }

    @Test
    void staffCancelForACitizenFreeThePlaceAndTheCancellationIsRecorded() throws Exception {
        Slot mondayFour = slots.onDay(HALL, MONDAY).get(14);
        Booking booking = bookings.book("c-5", "周九", "婚姻登记", mondayFour.id());

        var result = mvc.perform(post("/staff/bookings/" + booking.code() + "/cancel").with(staff("s-4", "吴科员")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String schedule = mvc.perform(get(URI.create(result.getResponse().getRedirectedUrl())).with(staff("s-4", "吴科员"))
                .cookie(sessionOf(result))).andReturn().getResponse().getContentAsString();

        assertThat(schedule).contains("预约 " + booking.code() + " 已取消");
        assertThat(bookings.find("c-5", booking.code())).get().extracting(Booking::status).isEqualTo(Booking.Status.CANCELLED);
        assertThat(slots.onDay(HALL, MONDAY).get(14).booked()).isZero();
        String audit = mvc.perform(get("/staff/audit").with(staff("s-4", "吴科员"))).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(audit).select("#audit").text()).contains("吴科员", "代市民取消预约", booking.code());

        String again = mvc.perform(post("/staff/bookings/" + booking.code() + "/cancel").with(staff("s-4", "吴科员")).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(Jsoup.parse(again).select(".govuk-error-summary a").attr("href")).isEqualTo("#booking-" + booking.code());
        mvc.perform(post("/staff/bookings/22222-22222/cancel").with(staff("s-4", "吴科员")).with(csrf()))
                .andExpect(status().isNotFound());
    }

    @Test
    void aBookingOfAnotherDayCannotBeCheckedInToday() throws Exception {
        Slot tuesday = slots.onDay(HALL, MONDAY.plusDays(1)).getFirst();
        Booking booking = bookings.book("c-4", "孙八", "婚姻登记", tuesday.id());

        String page = mvc.perform(post("/staff/check-in").with(staff("s-1", "王科员")).with(csrf()).param("code", booking.code()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("该预约不是今天的");
        assertThat(bookings.find("c-4", booking.code())).get().extracting(Booking::status).isEqualTo(Booking.Status.BOOKED);
    }
}
