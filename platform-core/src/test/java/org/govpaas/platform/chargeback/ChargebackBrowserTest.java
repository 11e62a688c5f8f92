package org.govpaas.platform.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import org.govpaas.identity.testing.Browser;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review journey in headless Chromium, each person in their own browser: the IT office closes
 * March 2003 on the dashboard, civil-affairs' admin disputes the statement, the IT office adjusts
 * it, and the PDF of the final statement downloads with the adjustment in it.
 */
class ChargebackBrowserTest extends PlatformIntegrationTest {

    static final String PERIOD = "2003-03";
    static final String STATEMENT = "/console/departments/civil-affairs/statements/" + PERIOD;

    @Autowired
    JdbcTemplate jdbc;

    Browser chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    @AfterEach
    void closeBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void itOfficeClosesTheDepartmentDisputesTheItOfficeAdjustsAndThePdfDownloads() throws Exception {
        ChargebackFixtures fixtures = new ChargebackFixtures(jdbc);
        fixtures.rateCard("2003-03-01", "0.20", "0.05", "0.50", "0.01", "0.06", "1.5");
        // 31 days: registry 2 instances (500 m, 1 GiB) on hypervisor; permits 1 instance with 2 GiB stored.
        fixtures.run("civil-affairs", 9200001, "registry", "hypervisor", "2003-03-01 00:00+08", "2003-04-01 00:00+08",
                2, 500, 1024, 0, 30);
        fixtures.run("civil-affairs", 9200002, "permits", "process", "2003-03-01 00:00+08", "2003-04-01 00:00+08",
                1, 250, 512, 2L << 30, 12);
        fixtures.run("health", 9200003, "clinic", "process", "2003-03-01 00:00+08", "2003-04-01 00:00+08",
                3, 750, 1536, 1L << 30, 50);

        signIn("it-office", "/console/chargeback?period=" + PERIOD + "&lang=en");
        assertThat(browser.findElement(By.id("departments")).getText()).contains("Civil Affairs Bureau", "Health Commission");
        wait.until(d -> ((org.openqa.selenium.JavascriptExecutor) d).executeScript(
                "return typeof Chart !== 'undefined' && Chart.getChart('chart-departments') !== undefined"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 2200)); // the whole dashboard
        chromium.screenshot("chargeback-dashboard-open-en");
        browser.findElement(By.id("close-month")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("month-closed")));
        assertThat(browser.findElement(By.id("review-queue")).getText()).contains("Civil Affairs Bureau", PERIOD);
        chromium.screenshot("chargeback-dashboard-closed-en");
        chromium.close();

        signIn("admin-civil", STATEMENT + "?lang=en");
        assertThat(browser.findElement(By.id("statement-status")).getText()).isEqualTo("Issued");
        String issuedTotal = browser.findElement(By.id("statement-total")).getText();
        browser.findElement(By.id("dispute")).click();
        assertThat(wait.until(ExpectedConditions.presenceOfElementLocated(By.id("review-error"))).getText())
                .contains("Say what is wrong");
        browser.findElement(By.id("comment")).sendKeys("permits was switched off on 25 March");
        browser.findElement(By.id("dispute")).click();
        wait.until(ExpectedConditions.textToBe(By.id("statement-status"), "Disputed"));
        assertThat(browser.findElement(By.id("reviews")).getText()).contains("admin-civil", "permits was switched off");
        chromium.screenshot("statement-disputed-en");
        chromium.close();

        signIn("it-office", STATEMENT + "?lang=zh-CN");
        assertThat(browser.findElement(By.id("statement-status")).getText()).isEqualTo("有异议");
        browser.findElement(By.id("amount")).sendKeys("-5.00");
        browser.findElement(By.id("resolve-comment")).sendKeys("credit for 25-31 March");
        browser.findElement(By.id("resolve")).click();
        wait.until(ExpectedConditions.textToBe(By.id("statement-status"), "已确定"));
        assertThat(browser.findElement(By.id("statement-lines")).getText()).contains("调整", "credit for 25-31 March", "-5.00");
        assertThat(browser.findElement(By.id("statement-total")).getText()).isNotEqualTo(issuedTotal);
        chromium.screenshot("statement-final-zh");

        String pdfUrl = browser.findElement(By.id("download-pdf")).getAttribute("href");
        String cookies = browser.manage().getCookies().stream().map(c -> c.getName() + "=" + c.getValue())
                .collect(Collectors.joining("; "));
        HttpResponse<byte[]> pdf = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(pdfUrl))
                .header("Cookie", cookies).header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        String text = new PdfTextExtractor(new PdfReader(pdf.body())).getTextFromPage(1);
        assertThat(text).contains("civil-affairs", PERIOD, "registry", "permits", "-5.00",
                browser.findElement(By.id("statement-total")).getText().replace(",", ""));
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'STATEMENT_RESOLVED' and detail like ?",
                Integer.class, PERIOD + "%")).isEqualTo(1);

        browser.get(baseUrl() + "/console/departments/civil-affairs/statements?lang=en");
        chromium.screenshot("statements-list-en");
        browser.get(baseUrl() + "/console/departments/civil-affairs/usage?from=2003-03-01&to=2003-04-01&lang=en");
        assertThat(browser.findElement(By.id("usage")).getText()).contains("registry", "permits");
        chromium.screenshot("usage-en");
    }

    private void signIn(String username, String path) throws Exception {
        chromium = Browser.start();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(baseUrl() + path);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        wait.until(ExpectedConditions.urlContains(path.substring(0, path.indexOf('?'))));
    }
}
