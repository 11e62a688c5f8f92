package org.govpaas.platform.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.govpaas.identity.testing.Browser;
import org.govpaas.platform.metering.MeteringProperties;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Staff journeys in headless Chromium against the real Keycloak login pages. */
class ConsoleBrowserTest extends PlatformIntegrationTest {

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeteringProperties metering;

    Browser chromium;
    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        chromium = Browser.start();
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        chromium.close();
    }

    @Test
    void platformAdminSignsInCreatesADepartmentAndSignsOut() throws Exception {
        browser.get(baseUrl() + "/console?lang=en");
        signInOnKeycloak("platform-admin");
        wait.until(ExpectedConditions.urlContains("/console"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).as("a Chinese name, family name first")
                .isEqualTo("Welcome, 平台管理员");
        // Only the platform's roles, never Keycloak's own (default-roles-..., offline_access) as missing messages.
        assertThat(browser.findElement(By.id("platform-roles")).getText()).isEqualTo("Platform admin");
        chromium.screenshot("console-home-en");

        browser.findElement(By.linkText("Departments")).click();
        assertThat(browser.findElement(By.id("departments")).getText())
                .contains("civil-affairs", "health", "city-management", "sme-services");
        chromium.screenshot("departments-en");

        browser.findElement(By.id("create-department")).click();
        fill("code", "Not A Label");
        fill("nameZh", "市场监督管理局");
        fill("nameEn", "Market Regulation");
        browser.findElement(By.id("save-department")).click();
        WebElement summary = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
        assertThat(summary.getText()).contains("Code");
        assertThat(browser.findElement(By.id("nameZh")).getAttribute("value")).isEqualTo("市场监督管理局");
        chromium.screenshot("department-form-error-en");
        assertThat(jdbc.queryForObject("select count(*) from department where name_en = 'Market Regulation'",
                Integer.class)).isZero();

        fill("code", "market-regulation");
        browser.findElement(By.id("save-department")).click();
        wait.until(ExpectedConditions.urlContains("/console/departments/market-regulation"));
        assertThat(browser.findElement(By.id("department-name")).getText()).isEqualTo("Market Regulation");
        chromium.screenshot("department-detail-en");

        browser.get(baseUrl() + "/console/departments/market-regulation?lang=zh-CN");
        assertThat(browser.findElement(By.id("department-name")).getText()).isEqualTo("市场监督管理局");
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("zh-CN");
        chromium.screenshot("department-detail-zh");

        browser.findElement(By.cssSelector(".govpaas-nav__user button")).click();
        wait.until(ExpectedConditions.urlContains("/console/signed-out"));
        assertThat(browser.findElement(By.id("signed-out")).isDisplayed()).isTrue();

        // The Keycloak session ended too: the console asks for the password again.
        browser.get(baseUrl() + "/console");
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        assertThat(browser.findElement(By.id("password")).isDisplayed()).isTrue();
    }

    @Test
    void developerSeesOnlyTheirDepartment() throws Exception {
        browser.get(baseUrl() + "/console?lang=en");
        signInOnKeycloak("dev-civil");
        wait.until(ExpectedConditions.urlContains("/console"));
        assertThat(browser.findElement(By.id("memberships")).getText()).contains("civil-affairs", "Developer");
        assertThat(browser.findElement(By.id("platform-roles")).getText()).isEqualTo("None");

        browser.get(baseUrl() + "/console/departments");
        assertThat(browser.findElement(By.id("departments")).getText()).contains("civil-affairs")
                .doesNotContain("health");
        assertThat(browser.findElements(By.id("create-department"))).isEmpty();

        browser.get(baseUrl() + "/console/departments/health");
        assertThat(browser.findElement(By.id("error-heading")).getText()).isEqualTo("Page not found");
        browser.get(baseUrl() + "/console/departments/civil-affairs");
        assertThat(browser.findElement(By.id("department-name")).getText()).isEqualTo("Civil Affairs Bureau");
        chromium.screenshot("developer-department-en");
    }

    @Test
    void developerDeploysFromTheCatalogWatchesItComeUpAndACitizenOpensIt() throws Exception {
        String name = "bulletin-" + java.util.UUID.randomUUID().toString().substring(0, 6);
        browser.get(baseUrl() + "/console/catalog?lang=en");
        signInOnKeycloak("dev-civil");
        wait.until(ExpectedConditions.urlContains("/console/catalog"));
        chromium.screenshot("catalog-en");
        browser.findElement(By.linkText("Notice board")).click();
        browser.findElement(By.id("deploy")).click();
        fill("name", name);
        fill("parameters-title", "Civil affairs notices");
        chromium.screenshot("deploy-form-en");
        browser.findElement(By.id("submit-deploy")).click();
        wait.until(ExpectedConditions.urlContains("/console/departments/civil-affairs/apps/" + name));

        // The page refreshes its status by itself: no reload until the app runs.
        new WebDriverWait(browser, Duration.ofSeconds(150)).until(
                ExpectedConditions.textToBe(By.id("app-state"), "Running"));
        assertThat(browser.findElement(By.id("app-events")).getText()).contains("CREATED", "RUNNING");
        // Its output follows too: the page was loaded before the app had printed anything.
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                ExpectedConditions.textMatches(By.id("app-logs"), java.util.regex.Pattern.compile("Started \\w+")));
        assertThat(chromium.govukElementFonts()).containsExactly("system-ui");
        // Times are the city's, and the column says so: a staff member reads the clock on the wall.
        assertThat(browser.findElement(By.cssSelector("#app-events th")).getText())
                .isEqualTo("When (" + metering.zone() + ")");
        Instant shown = LocalDateTime.parse(browser.findElement(By.cssSelector("#app-events tbody td")).getText(),
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")).atZone(metering.zone()).toInstant();
        assertThat(Duration.between(shown, Instant.now()).abs()).isLessThan(Duration.ofMinutes(5));
        chromium.screenshot("app-running-en");
        browser.executeScript("document.getElementById('app-output').scrollIntoView()");
        chromium.screenshot("app-output-en");
        browser.findElement(By.id("settings")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Version and settings"));
        assertThat(browser.findElement(By.id("parameters-title")).getAttribute("value")).isEqualTo("Civil affairs notices");
        chromium.screenshot("app-settings-en");
        browser.navigate().back();

        String url = browser.findElement(By.id("app-url")).getAttribute("href");
        browser.get(url.replace("http://localhost:" + port, baseUrl()));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Civil affairs notices");
        assertThat(chromium.govukElementFonts()).containsExactly("system-ui");
        chromium.screenshot("citizen-app");

        browser.get(baseUrl() + "/?lang=en");
        assertThat(browser.findElement(By.cssSelector("[data-category='citizen-services']")).getText())
                .contains("Notice board", "Civil Affairs Bureau");
        chromium.screenshot("portal-with-service-en");
    }

    @Test
    void citizenPortalIsPublicInBothLanguages() throws Exception {
        browser.get(baseUrl() + "/?lang=zh-CN");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("市民服务");
        assertThat(browser.findElement(By.tagName("h2")).getText()).isEqualTo("服务");
        // The system's CJK-capable fonts, never GOV.UK's own (licensed for gov.uk, no Chinese glyphs).
        assertThat(chromium.govukElementFonts()).containsExactly("system-ui");
        chromium.screenshot("portal-zh");
        browser.get(baseUrl() + "/?lang=en");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Citizen services");
        chromium.screenshot("portal-en");
    }

    private void signInOnKeycloak(String username) {
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
    }

    private void fill(String id, String value) {
        WebElement input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }
}
