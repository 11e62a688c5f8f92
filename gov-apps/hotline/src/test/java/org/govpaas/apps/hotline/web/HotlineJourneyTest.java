package org.govpaas.apps.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.govpaas.apps.hotline.photo.TestImages;
import org.govpaas.apps.kit.testing.AppSignInFixture;
import org.govpaas.identity.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The hotline's journey in headless Chromium through the real Keycloak pages: a citizen registers,
 * reports an issue with a photo and gets a ticket number; staff of the department triage, assign
 * and resolve it; the citizen confirms and the ticket is closed. Screenshots in target/screenshots.
 */
class HotlineJourneyTest extends HotlineAppTest {

    @TempDir
    Path files;

    @Test
    void aCitizenReportsStaffResolveTheCitizenConfirms() throws Exception {
        Path photo = files.resolve("pothole.jpg");
        Files.write(photo, TestImages.image("jpg", 320, 240));
        String citizenName = "journey-" + System.nanoTime();
        String number;

        try (Browser citizen = Browser.start()) {
            citizen.open(APP_URL).screenshot("hotline-01-home");
            citizen.find(By.id("report-issue")).click();
            citizen.register(citizenName, AppSignInFixture.PASSWORD);
            citizen.find(By.id("report-form"));
            citizen.find(By.id("submit-report")).click();
            citizen.find(By.cssSelector(".govuk-error-summary"));
            assertThat(citizen.driver().switchTo().activeElement().getAttribute("class")).contains("govuk-error-summary");
            citizen.screenshot("hotline-02-report-errors");

            citizen.find(By.cssSelector("label[for=category-water]")).click();
            new Select(citizen.find(By.id("district"))).selectByVisibleText("高新区");
            citizen.find(By.id("address")).sendKeys("科技路 88 号东侧人行道");
            citizen.find(By.id("description")).sendKeys("井盖破损，夜间行人容易踩空。");
            citizen.driver().findElement(By.id("photo")).sendKeys(photo.toString());
            citizen.screenshot("hotline-03-report-filled");
            citizen.find(By.id("submit-report")).click();

            String panel = citizen.find(By.id("reported")).getText();
            assertThat(citizen.find(By.cssSelector("#reported h1")).getText()).isEqualTo("已提交");
            assertThat(citizen.findAll(By.tagName("h1"))).hasSize(1);
            number = citizen.find(By.id("ticket-number")).getText();
            assertThat(number).matches("12345-\\d{8}-\\d{4}");
            assertThat(panel).contains(number);
            citizen.waitFor().until(d -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                    "var i = document.getElementById('ticket-photo'); return i.complete && i.naturalWidth === 320;"));
            citizen.screenshot("hotline-04-reported");
        }

        try (Browser staff = Browser.start()) {
            String clerk = SIGN_IN.staff("clerk");
            staff.open(APP_URL + "staff");
            staff.signIn(clerk, AppSignInFixture.PASSWORD);
            staff.find(By.linkText(number)).click();
            staff.screenshot("hotline-05-staff-ticket");
            new Select(staff.find(By.id("category"))).selectByVisibleText("道路与交通设施");
            staff.find(By.cssSelector("label[for=priority-HIGH]")).click();
            staff.find(By.id("triage")).click();
            staff.driver().executeScript("arguments[0].scrollIntoView()", staff.find(By.id("assign-form")));
            staff.screenshot("hotline-05b-staff-assign");
            new Select(staff.find(By.id("assignee"))).selectByVisibleText("市政道路养护中心");
            staff.find(By.id("assign")).click();
            staff.find(By.id("note")).sendKeys("已更换井盖，并设置警示标志。");
            staff.find(By.id("resolve")).click();
            assertThat(staff.find(By.id("done")).getText()).contains("工单已办结");
            assertThat(staff.find(By.id("ticket-status")).getText()).isEqualTo("已办结");
            staff.screenshot("hotline-06-staff-resolved");
        }

        try (Browser citizen = Browser.start()) {
            citizen.open(APP_URL + "my/tickets");
            citizen.signIn(citizenName, AppSignInFixture.PASSWORD);
            citizen.find(By.linkText(number)).click();
            assertThat(citizen.find(By.id("ticket-resolution")).getText()).isEqualTo("已更换井盖，并设置警示标志。");
            assertThat(citizen.find(By.id("ticket-category")).getText()).isEqualTo("道路与交通设施");
            citizen.screenshot("hotline-07-citizen-resolved");
            citizen.find(By.id("confirm")).click();
            citizen.waitFor().until(ExpectedConditions.textToBe(By.id("ticket-status"), "已关闭"));
            assertThat(citizen.findAll(By.cssSelector("#history li"))).hasSize(5);
            citizen.screenshot("hotline-08-closed");
            citizen.driver().executeScript("document.getElementById('history-heading').scrollIntoView()");
            citizen.screenshot("hotline-08b-history");

            citizen.open(APP_URL + "statistics?lang=en").screenshot("hotline-09-statistics-en");
            assertThat(citizen.find(By.tagName("h1")).getText()).isEqualTo("Hotline statistics");
        }
    }
}
