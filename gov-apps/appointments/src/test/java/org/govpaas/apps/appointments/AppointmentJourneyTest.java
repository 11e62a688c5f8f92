package org.govpaas.apps.appointments;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import org.govpaas.apps.kit.testing.AppSignInFixture;
import org.govpaas.apps.kit.testing.TestDatabase;
import org.govpaas.identity.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The journey of the issue in headless Chromium, through the real Keycloak, under the route path
 * the gateway uses: a citizen registers, books and sees the confirmation; a staff member of the
 * department sees the booking on the day's schedule and checks the citizen in; staff of another
 * department are turned away. The app's clock stands at Monday 08:00, before the halls open.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT, properties = {
        "GOVPAAS_ROUTE_PATH=/apps/civil-affairs/appointments/"})
@Import(TestClockConfiguration.class)
class AppointmentJourneyTest {

    static final String DEPARTMENT = "civil-affairs";
    static final int PORT = freePort();
    static final String APP_URL = "http://127.0.0.1:" + PORT + "/apps/civil-affairs/appointments/";
    static final AppSignInFixture SIGN_IN = AppSignInFixture.create("appointments", DEPARTMENT, APP_URL);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("server.address", () -> "127.0.0.1");
        TestDatabase.create().properties().forEach((k, v) -> registry.add(k, () -> v));
        SIGN_IN.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void aCitizenBooksAndStaffCheckThemIn() {
        String code;
        String citizen = "journey-" + Long.toHexString(System.nanoTime());
        try (Browser browser = Browser.start()) {
            browser.open(APP_URL).screenshot("01-home");
            assertThat(browser.find(By.tagName("h1")).getText()).isEqualTo("预约到办事大厅办理业务");
            // The kit's CJK-capable fonts, never GOV.UK's own (licensed for gov.uk, no Chinese glyphs).
            assertThat(browser.govukElementFonts()).containsExactly("system-ui");
            browser.find(By.id("start-booking")).click();

            browser.register(citizen, AppSignInFixture.PASSWORD);
            browser.waitFor().until(ExpectedConditions.urlContains("/my/book"));
            browser.screenshot("02-choose");

            browser.find(By.id("to-slots")).click();
            assertThat(browser.find(By.id("error-summary")).getText()).contains("请选择要办理的业务", "请选择要前往的办事大厅");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).as("focus on the summary")
                    .isEqualTo("error-summary");
            browser.screenshot("03-choose-errors");

            browser.find(By.cssSelector("label[for=service-field]")).click();
            browser.find(By.cssSelector("label[for=hall-field]")).click();
            browser.find(By.id("to-slots")).click();
            browser.find(By.cssSelector("h1")).getText();
            assertThat(browser.pageText()).contains("选择时段", "婚姻登记", "市民中心办事大厅", "剩余 3 个名额");
            browser.screenshot("04-slots");

            // Switching language keeps the service, hall and day chosen: the page itself, in English.
            browser.find(By.cssSelector("a[hreflang=en]")).click();
            browser.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "Choose a time"));
            assertThat(browser.driver().getCurrentUrl()).contains("/my/book/slots?", "service=", "hall=", "lang=en");
            assertThat(browser.pageText()).contains("Marriage registration").doesNotContain("There is a problem");
            browser.screenshot("04b-slots-en");
            // A form shown again with its errors cannot be asked for again: the switch leads back to
            // the page the form was on, not to the address it was posted to (the list of bookings).
            browser.find(By.id("book")).click();
            assertThat(browser.find(By.id("error-summary")).getText()).contains("Choose a time");
            browser.find(By.cssSelector("a[hreflang=zh-CN]")).click();
            browser.waitFor().until(ExpectedConditions.textToBe(By.tagName("h1"), "选择时段"));
            assertThat(browser.driver().getCurrentUrl()).contains("/my/book/slots?", "service=", "hall=");
            assertThat(browser.findAll(By.id("error-summary"))).isEmpty();
            assertThat(browser.pageText()).contains("婚姻登记", "剩余 3 个名额");

            WebElement firstFree = browser.findAll(By.cssSelector("input[name=slot]")).stream()
                    .filter(WebElement::isEnabled).findFirst().orElseThrow();
            browser.find(By.cssSelector("label[for='" + firstFree.getAttribute("id") + "']")).click();
            browser.find(By.id("book")).click();

            code = browser.find(By.id("confirmation-code")).getText();
            assertThat(code).matches("[2-9A-HJ-NP-Z]{5}-[2-9A-HJ-NP-Z]{5}");
            assertThat(browser.pageText()).contains("预约成功", "婚姻登记", "市民中心办事大厅", "09:00 至 09:30", "已预约");
            browser.screenshot("05-confirmation");

            browser.open(APP_URL + "my/bookings?lang=en");
            assertThat(browser.find(By.id("bookings")).getText()).contains(code, "Marriage registration", "Booked");
            browser.screenshot("06-my-bookings-en");
            browser.open(APP_URL + "my/bookings?lang=zh-CN");
        }

        String staff = SIGN_IN.staff("hall-staff");
        try (Browser browser = Browser.start()) {
            browser.open(APP_URL + "staff/schedule");
            browser.signIn(staff, AppSignInFixture.PASSWORD);
            WebElement row = browser.find(By.id("booking-" + code));
            assertThat(row.getText()).contains(code, citizen, "婚姻登记", "已预约");
            browser.screenshot("07-staff-schedule");

            browser.find(By.id("code")).sendKeys(code.toLowerCase().replace("-", ""));
            browser.find(By.id("check-in")).click();
            assertThat(browser.find(By.id("checked-in-banner")).getText()).contains(code, "已签到");
            assertThat(browser.find(By.id("booking-" + code)).getText()).contains("已签到");
            browser.screenshot("08-checked-in");

            browser.find(By.cssSelector("a[href$='staff/audit']")).click();
            assertThat(browser.find(By.id("audit")).getText()).contains(staff, "为市民签到", code);
            browser.screenshot("09-audit");
        }

        String otherDepartment = SIGN_IN.staff("health-staff", "health", "staff");
        try (Browser browser = Browser.start()) {
            browser.open(APP_URL + "staff/schedule");
            browser.signIn(otherDepartment, AppSignInFixture.PASSWORD);
            browser.waitFor().until(ExpectedConditions.urlContains("/staff/schedule"));
            assertThat(browser.pageText()).doesNotContain(code).contains("您无法使用此页面");
            browser.screenshot("10-other-department");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
