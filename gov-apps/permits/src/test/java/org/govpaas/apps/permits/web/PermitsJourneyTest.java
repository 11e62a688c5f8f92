package org.govpaas.apps.permits.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.govpaas.apps.kit.testing.AppSignInFixture;
import org.govpaas.identity.testing.Browser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The journey of issue 4 in headless Chromium through the real Keycloak: a citizen registers,
 * applies for the permit with a document, a reviewing officer of the department claims and
 * approves it, and the citizen sees the approval. Screenshots in target/screenshots/.
 */
class PermitsJourneyTest extends RunningApp {

    @Test
    void aCitizenAppliesWithADocumentStaffApproveAndTheCitizenSeesTheApproval(@TempDir Path dir) throws IOException {
        Path plan = dir.resolve("施工方案.pdf");
        Files.write(plan, "%PDF-1.7\n1 0 obj <<>> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        String citizenName = "walker" + UUID.randomUUID().toString().substring(0, 6);
        String reference;

        try (Browser citizen = Browser.start()) {
            citizen.open(APP_URL);
            settled(citizen).screenshot("permits-01-start");
            citizen.find(By.id("start")).click();
            citizen.register(citizenName, AppSignInFixture.PASSWORD);
            citizen.find(By.id("submit"));
            // A first try without the required answers shows the error summary, focused.
            citizen.driver().findElement(By.id("submit")).click();
            WebElement summary = citizen.find(By.id("error-summary"));
            assertThat(summary.getText()).contains("请填写申请人（单位或个人）", "请至少上传 1 份材料");
            assertThat(citizen.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("error-summary");
            settled(citizen).screenshot("permits-02-form-errors");

            fill(citizen, Map.of("applicant", "杭州某某建筑有限公司", "phone", "13800138000",
                    "email", citizenName + "@example.org", "location", "西湖区文三路 100 号门前人行道", "area", "24.5",
                    "purpose", "外墙维修，搭设脚手架"));
            // A period that ends before it starts, starting yesterday in the city: both in the summary.
            date(citizen, "startDate", "2026-11-20");
            date(citizen, "endDate", "2026-11-01");
            citizen.driver().findElement(By.id("field-files")).sendKeys(plan.toString());
            citizen.driver().findElement(By.id("submit")).click();
            assertThat(citizen.find(By.id("error-summary")).getText())
                    .contains("开始日期不能早于今天（2026-11-21）", "结束日期不能早于开始日期（2026-11-20）")
                    .doesNotContain("请填写");
            settled(citizen).screenshot("permits-02b-dates-refused");

            date(citizen, "startDate", "2026-12-01");
            date(citizen, "endDate", "2026-12-20");
            citizen.driver().findElement(By.id("field-files")).sendKeys(plan.toString());
            settled(citizen).screenshot("permits-03-form-filled");
            citizen.driver().findElement(By.id("submit")).click();

            WebElement confirmation = citizen.find(By.id("confirmation"));
            reference = confirmation.findElement(By.className("permits-reference")).getText();
            assertThat(reference).matches("XK(-[0-9A-Z]{4}){4}");
            assertThat(citizen.find(By.id("status")).getText()).contains("已提交");
            assertThat(citizen.find(By.id("attachments")).getText()).contains("施工方案.pdf");
            settled(citizen).screenshot("permits-04-submitted");

            try (Browser staff = Browser.start()) {
                String officer = SIGN_IN.staff("officer");
                staff.open(APP_URL + "staff");
                staff.signIn(officer, AppSignInFixture.PASSWORD);
                staff.find(By.linkText(reference));
                settled(staff).screenshot("permits-05-queue");
                staff.driver().findElement(By.linkText(reference)).click();
                staff.find(By.id("claim")).click();
                assertThat(staff.find(By.id("done")).getText()).contains("您已受理该申请");
                staff.find(By.id("field-comment")).sendKeys("材料齐全，符合条件，准予许可。");
                settled(staff).screenshot("permits-06-review");
                staff.driver().findElement(By.id("approve")).click();
                assertThat(staff.find(By.id("status")).getText()).contains("已批准");
                WebElement history = staff.find(By.id("history"));
                assertThat(history.getText()).contains(officer, "批准", "材料齐全");
                staff.driver().executeScript("arguments[0].scrollIntoView()", history);
                settled(staff).screenshot("permits-07-approved-staff");
                staff.driver().findElement(By.linkText("审查队列")).click();
                staff.find(By.id("activity-link")).click();
                assertThat(staff.find(By.id("activity")).getText()).contains(reference, officer, "批准");
                settled(staff).screenshot("permits-07b-staff-activity");
            }

            citizen.driver().navigate().refresh();
            assertThat(citizen.find(By.id("status")).getText()).contains("已批准");
            String history = citizen.find(By.id("history")).getText();
            assertThat(history).contains("审查人员", "批准", "材料齐全，符合条件，准予许可。").doesNotContain("officer-");
            settled(citizen).screenshot("permits-08-approved-citizen");

            citizen.open(APP_URL + "my/applications/" + reference + "?lang=en");
            assertThat(citizen.find(By.id("status")).getText()).contains("Approved");
            settled(citizen).screenshot("permits-09-approved-citizen-en");
            citizen.open(APP_URL + "my/applications");
            citizen.waitFor().until(ExpectedConditions.textToBePresentInElementLocated(By.id("applications"), reference));
            settled(citizen).screenshot("permits-10-list-en");
        }
    }

    /** Waits until the page's fonts are in, so a screenshot shows the text a person would read. */
    private static Browser settled(Browser browser) {
        browser.waitFor().until(d -> "loaded".equals(browser.driver().executeScript("return document.fonts.status")));
        return browser;
    }

    private static void fill(Browser browser, Map<String, String> answers) {
        answers.forEach((field, value) -> {
            WebElement input = browser.driver().findElement(By.id("field-" + field));
            input.clear();
            input.sendKeys(value);
        });
    }

    /** Typing into a date input depends on the browser's locale; set the ISO value it submits. */
    private static void date(Browser browser, String field, String isoDate) {
        WebElement input = browser.driver().findElement(By.id("field-" + field));
        browser.driver().executeScript("arguments[0].value = arguments[1];", input, isoDate);
    }
}
