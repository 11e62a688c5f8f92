package org.govpaas.platform.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.govpaas.identity.testing.Browser;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A developer tries the API from its docs page in Chromium, with a token of their own (from the
 * CLI client): the page's policies let the call through and it answers with their departments.
 */
class ApiDocsBrowserTest extends PlatformIntegrationTest {

    @Test
    void aDeveloperCallsTheApiFromItsDocsPage() throws Exception {
        String token = as("dev-civil").accessToken();
        try (Browser chromium = Browser.start()) {
            callFromTheDocsPage(chromium, token);
        }
    }

    private void callFromTheDocsPage(Browser chromium, String token) throws Exception {
        ChromeDriver browser = chromium.driver();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        browser.get(baseUrl() + "/swagger-ui.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .authorize"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container input"))).sendKeys(token);
        browser.findElement(By.cssSelector(".auth-container .auth-btn-wrapper .authorize")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Logout']")));
        browser.findElement(By.cssSelector(".auth-btn-wrapper .btn-done")).click();

        browser.findElement(By.cssSelector(".opblock-get [data-path='/api/v1/departments']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock.is-open .try-out__btn"))).click();
        browser.findElement(By.cssSelector(".opblock.is-open .execute")).click();
        var answer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".opblock.is-open .live-responses-table tbody .response")));
        String status = answer.findElement(By.cssSelector(".response-col_status")).getText();
        String body = answer.findElement(By.cssSelector(".microlight")).getText();
        browser.executeScript("arguments[0].scrollIntoView()", answer);
        chromium.screenshot("api-docs-call");
        assertThat(status).isEqualTo("200");
        assertThat(body).contains("civil-affairs").doesNotContain("\"health\"");
    }

    @Test
    void theContractAsksOnlyForWhatAClientSends() {
        String contract = anonymous().api("GET", "/v3/api-docs", null).body();
        assertThat(contract).contains("\"/api/v1/departments\"", "\"bearer\"")
                // The caller comes from the bearer token, never from a parameter.
                .doesNotContain("\"name\":\"caller\"");
    }
}
