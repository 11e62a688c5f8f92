package org.govpaas.platform.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.govpaas.platform.testing.Browser;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A developer tries the API from its docs page in Chromium: Authorize signs them in through
 * Keycloak's pop-up (PKCE), and a call made from the page answers with their departments. This
 * needs the page's content and opener policies to let the sign-in through.
 */
class ApiDocsBrowserTest extends PlatformIntegrationTest {

    ChromeDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void openBrowser() throws Exception {
        allowThisPlatformAsWebOrigin();
        browser = Browser.start();
        wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterEach
    void closeBrowser() {
        browser.quit();
    }

    @Test
    void aDeveloperSignsInOnTheApiDocsPageAndCallsTheApi() throws Exception {
        browser.get(baseUrl() + "/swagger-ui.html");
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".auth-wrapper .authorize"))).click();
        // The sign-in scheme comes first, with the platform's client already filled in.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".auth-container")));
        assertThat(browser.findElement(By.id("client_id_authorizationCode")).getAttribute("value"))
                .isEqualTo("govpaas-cli");
        Browser.screenshot(browser, "api-docs-authorize");

        String docs = browser.getWindowHandle();
        browser.findElement(By.cssSelector(".auth-container .auth-btn-wrapper .authorize")).click();
        wait.until(d -> d.getWindowHandles().size() == 2);
        String popup = browser.getWindowHandles().stream().filter(h -> !h.equals(docs)).findFirst().orElseThrow();
        browser.switchTo().window(popup);
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("kc-form-login")));
        browser.findElement(By.id("username")).sendKeys("dev-civil");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("kc-login")).click();
        // The pop-up hands the code back to the docs page and closes.
        wait.until(d -> d.getWindowHandles().size() == 1);
        browser.switchTo().window(docs);

        // Signed in: the scheme now offers to log out instead.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.xpath("//button[normalize-space()='Logout']")));
        Browser.screenshot(browser, "api-docs-authorized");
        browser.findElement(By.cssSelector(".auth-btn-wrapper .btn-done")).click();

        browser.findElement(By.cssSelector(".opblock-get [data-path='/api/v1/departments']")).click();
        wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock.is-open .try-out__btn"))).click();
        browser.findElement(By.cssSelector(".opblock.is-open .execute")).click();
        var answer = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".opblock.is-open .live-responses-table tbody .response")));
        String status = answer.findElement(By.cssSelector(".response-col_status")).getText();
        String body = answer.findElement(By.cssSelector(".microlight")).getText();
        browser.executeScript("arguments[0].scrollIntoView()", answer);
        Browser.screenshot(browser, "api-docs-call");
        assertThat(status).isEqualTo("200");
        assertThat(body).contains("civil-affairs").doesNotContain("\"health\"");
    }

    @Test
    void theContractAsksOnlyForWhatAClientSends() {
        String contract = anonymous().api("GET", "/v3/api-docs", null).body();
        assertThat(contract).contains("\"/api/v1/departments\"", "\"keycloak\"", "\"authorizationCode\"")
                // The caller comes from the bearer token, never from a parameter.
                .doesNotContain("\"name\":\"caller\"");
    }

    /**
     * What an operator's GOVPAAS_CONSOLE_URL does for the realm's govpaas-cli client: the docs
     * page's origin may call Keycloak's token endpoint (CORS). Here that origin has a random port.
     */
    private void allowThisPlatformAsWebOrigin() {
        KeycloakTestServer keycloak = KeycloakTestServer.shared();
        String path = "/" + KeycloakTestServer.STAFF_REALM + "/clients/"
                + keycloak.clientUuid(KeycloakTestServer.STAFF_REALM, "govpaas-cli");
        ObjectNode client = (ObjectNode) keycloak.adminGet(path);
        ArrayNode origins = (ArrayNode) client.get("webOrigins");
        if (origins.valueStream().noneMatch(o -> o.asString().equals(baseUrl()))) {
            origins.add(baseUrl());
            assertThat(keycloak.admin("PUT", path, client).statusCode()).isEqualTo(204);
        }
    }
}
