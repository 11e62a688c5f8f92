package org.govpaas.apps.appointments.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.govpaas.apps.appointments.SignedIn.citizen;
import static org.govpaas.apps.appointments.SignedIn.sessionOf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.govpaas.apps.appointments.OwnDatabase;
import org.govpaas.apps.appointments.TestClockConfiguration;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** The citizen's pages: bad input answered next to the field, nothing changed; only one's own bookings. */
@SpringBootTest(properties = {"GOVPAAS_PARAM_HALLS=市民中心|Citizen Centre", "GOVPAAS_PARAM_SERVICES=婚姻登记|Marriage registration",
        "GOVPAAS_PARAM_CAPACITY=1"})
@AutoConfigureMockMvc
class CitizenBookingWebTest extends OwnDatabase {

    static final String HALL = "市民中心";
    static final String SERVICE = "婚姻登记";

    @Autowired
    MockMvc mvc;
    @Autowired
    Slots slots;
    @Autowired
    Bookings bookings;
    @Autowired
    MutableClock clock;
    @Autowired
    JdbcTemplate jdbc;

    Slot slot;

    @BeforeEach
    void aFreeSlot() {
        clock.set(TestClockConfiguration.MONDAY_EIGHT_AM);
        slot = slots.offered(HALL).values().stream().flatMap(java.util.List::stream).filter(s -> s.free() > 0)
                .findFirst().orElseThrow();
    }

    @Test
    void thePublicPageExplainsTheServiceInChineseAndEnglish() throws Exception {
        String chinese = mvc.perform(get("/")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String english = mvc.perform(get("/").param("lang", "en")).andReturn().getResponse().getContentAsString();

        assertThat(chinese).contains("lang=\"zh-CN\"", "办事大厅预约", "婚姻登记", "市民中心", "09:00", "开始预约", "星期一");
        assertThat(english).contains("lang=\"en\"", "Book a visit to a service hall", "Marriage registration", "Citizen Centre", "Monday")
                .doesNotContain("开始预约");
    }

    @Test
    void bookingShowsTheConfirmationCodeAndTheBookingIsListed() throws Exception {
        MvcResult booked = mvc.perform(post("/my/bookings").with(citizen("c-1", "张三")).with(csrf())
                        .param("service", SERVICE).param("hall", HALL).param("slot", String.valueOf(slot.id())))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = booked.getResponse().getRedirectedUrl();
        String code = location.substring(location.lastIndexOf('/') + 1);

        String page = mvc.perform(get(location).with(citizen("c-1", "张三"))
                        .cookie(sessionOf(booked))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("预约成功", code, "婚姻登记", "市民中心", "已预约");
        // Opened again later: the booking's own heading, distinct from the list the back link leads to.
        Document again = html(mvc.perform(get(location).with(citizen("c-1", "张三"))).andExpect(status().isOk()).andReturn());
        assertThat(again.select("h1").text()).isEqualTo("预约详情");
        assertThat(again.title()).startsWith("预约详情");
        assertThat(again.select(".govuk-back-link").text()).isEqualTo("我的预约");
        assertThat(mvc.perform(get("/my/bookings").with(citizen("c-1", "张三"))).andReturn().getResponse()
                .getContentAsString()).contains(code);
    }

    @Test
    void chooseWithoutAnswersShowsBothErrorsLinkedToTheirFields() throws Exception {
        Document page = html(mvc.perform(get("/my/book/slots").with(citizen("c-2", "李四"))).andExpect(status().isOk()).andReturn());

        assertThat(page.title()).as("Chinese punctuation, no space").startsWith("错误：选择业务和办事大厅");
        assertThat(page.select(".govuk-error-summary a")).extracting(a -> a.attr("href"))
                .containsExactly("#service-field", "#hall-field");
        assertThat(page.getElementById("service-field")).isNotNull();
        assertThat(page.select("#service-error").text()).contains("请选择要办理的业务");
        assertThat(page.select("#hall-error").text()).contains("请选择要前往的办事大厅");
    }

    @Test
    void aDayThatIsNoDateSaysWhatADateLooksLikeAndOffersTheDays() throws Exception {
        Document page = html(mvc.perform(get("/my/book/slots").with(citizen("c-7", "周九"))
                .param("service", SERVICE).param("hall", HALL).param("date", "abc")).andExpect(status().isOk()).andReturn());

        assertThat(page.title()).startsWith("错误：选择时段");
        assertThat(page.select(".govuk-error-summary a").text())
                .isEqualTo("日期必须是有效日期，例如 2026-12-01，请从下方选择日期");
        assertThat(page.select("a.appt-day")).isNotEmpty();
    }

    @Test
    void aScriptAsServiceIsRefusedAndNeverEchoedAsMarkup() throws Exception {
        String body = mvc.perform(post("/my/bookings").with(citizen("c-3", "王五")).with(csrf())
                        .param("service", "<script>alert(1)</script>").param("hall", HALL).param("slot", String.valueOf(slot.id())))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(body).contains("请选择要办理的业务").doesNotContain("<script>alert(1)</script>");
        assertThat(liveBookings()).isZero();
    }

    @Test
    void noTimeOrANonNumberAsTimeAsksForATime() throws Exception {
        for (String value : new String[] {"", "abc", "1e99", "' or 1=1 --"}) {
            Document page = html(mvc.perform(post("/my/bookings").with(citizen("c-4", "赵六")).with(csrf())
                    .param("service", SERVICE).param("hall", HALL).param("slot", value)).andExpect(status().isOk()).andReturn());
            assertThat(page.select(".govuk-error-summary a")).as(value).extracting(a -> a.attr("href")).containsExactly("#slot-field");
        }
        assertThat(liveBookings()).isZero();
    }

    @Test
    void aFullSlotIsExplainedAndOffersTheOtherTimes() throws Exception {
        bookings.book("someone-else", "某人", SERVICE, slot.id());

        Document page = html(mvc.perform(post("/my/bookings").with(citizen("c-5", "钱七")).with(csrf())
                        .param("service", SERVICE).param("hall", HALL).param("slot", String.valueOf(slot.id())))
                .andExpect(status().isOk()).andReturn());

        assertThat(page.select("#slot-error").text()).contains("该时段刚刚约满");
        assertThat(page.getElementById("slot-field")).isNotNull();
        assertThat(page.select("input[name=slot][value=" + slot.id() + "]").attr("disabled")).isNotNull();
        assertThat(bookings.of("c-5")).isEmpty();
    }

    @Test
    void anotherCitizensBookingIsNotFoundAndCannotBeCancelled() throws Exception {
        Booking theirs = bookings.book("owner", "甲", SERVICE, slot.id());

        mvc.perform(get("/my/bookings/" + theirs.code()).with(citizen("intruder", "乙"))).andExpect(status().isNotFound());
        mvc.perform(post("/my/bookings/" + theirs.code() + "/cancel").with(citizen("intruder", "乙")).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/my/bookings/NOT-A-CODE").with(citizen("intruder", "乙"))).andExpect(status().isNotFound());
        assertThat(mvc.perform(get("/my/bookings").with(citizen("intruder", "乙"))).andReturn().getResponse()
                .getContentAsString()).doesNotContain(theirs.code());
        assertThat(bookings.find("owner", theirs.code())).get().extracting(Booking::status).isEqualTo(Booking.Status.BOOKED);
    }

    @Test
    void cancellingFreesThePlaceAndSaysSo() throws Exception {
        Booking mine = bookings.book("c-6", "孙八", SERVICE, slot.id());

        MvcResult cancelled = mvc.perform(post("/my/bookings/" + mine.code() + "/cancel").with(citizen("c-6", "孙八")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String list = mvc.perform(get("/my/bookings").with(citizen("c-6", "孙八")).cookie(sessionOf(cancelled)))
                .andReturn().getResponse().getContentAsString();

        assertThat(list).contains("预约 " + mine.code() + " 已取消", "已取消");
        assertThat(jdbc.queryForObject("select booked from slot where id = ?", Integer.class, slot.id())).isZero();
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() throws Exception {
        mvc.perform(post("/my/bookings").with(citizen("c-7", "周九"))
                        .param("service", SERVICE).param("hall", HALL).param("slot", String.valueOf(slot.id())))
                .andExpect(status().isForbidden());
        assertThat(liveBookings()).isZero();
    }

    @Test
    void staffCannotUseTheCitizensArea() throws Exception {
        mvc.perform(get("/my/bookings").with(org.govpaas.apps.appointments.SignedIn.staff("s-1", "王科员")))
                .andExpect(status().isForbidden());
    }

    private int liveBookings() {
        return jdbc.queryForObject("select count(*) from booking where status <> 'CANCELLED' and slot_id = ?",
                Integer.class, slot.id());
    }

    private static Document html(MvcResult result) throws Exception {
        return Jsoup.parse(result.getResponse().getContentAsString());
    }
}
