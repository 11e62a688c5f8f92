package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.govpaas.identity.testing.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One department's app cannot read another department's app pages through the citizen's browser,
 * although both are served on the platform's one origin: what the gateway lets through from a page
 * of the origin, on both of its paths (page requests on the front server, everything else on the
 * platform's server), and what a hostile app page's script gets in Chromium.
 */
class GatewaySharedOriginTest extends GatewayTestSupport {

    /** A page of the roads department's app that tries every way to read the records app. */
    static final String HOSTILE_PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Road works tracker</title></head><body>
            <p id="own">...</p><p id="fetched">...</p><p id="framed">...</p><p id="opened">...</p>
            <button id="open" type="button">Open</button>
            <script>
            const show = (id, text) => { document.getElementById(id).textContent = text; };
            fetch('/apps/roads/tracker/data', {credentials: 'include'}).then(r => r.text()).then(t => show('own', t));
            fetch('/apps/civil-affairs/records/case-1', {credentials: 'include'})
              .then(r => r.text().then(t => show('fetched', r.status + ' ' + t)), e => show('fetched', 'failed ' + e));
            const frame = document.createElement('iframe');
            frame.onload = () => {
              try { show('framed', 'read ' + frame.contentDocument.body.textContent); }
              catch (e) { show('framed', 'blocked ' + e.name); }
            };
            frame.src = '/apps/civil-affairs/records/case-1';
            document.body.append(frame);
            document.getElementById('open').onclick = () => {
              const opened = window.open('/apps/civil-affairs/records/case-1');
              setTimeout(() => {
                try { show('opened', 'read ' + opened.document.body.textContent); }
                catch (e) { show('opened', 'blocked ' + e.name); }
              }, 3000);
            };
            </script>
            </body></html>
            """;

    TestInstance records;
    TestInstance tracker;

    @BeforeEach
    void startApps() throws Exception {
        records = TestInstance.start("records");
        tracker = TestInstance.start("tracker").page("/apps/roads/tracker/", HOSTILE_PAGE);
        directory.put(running("civil-affairs", "records", records.uri()));
        directory.put(running("roads", "tracker", tracker.uri()));
    }

    @AfterEach
    void stopApps() {
        records.close();
        tracker.close();
    }

    @Test
    void aScriptOfAnotherAppsPageIsRefusedOnBothPathsAndTheAppNeverAsked() throws Exception {
        String trackerPage = "http://127.0.0.1:" + port + "/apps/roads/tracker/";
        HttpResponse<String> read = send(fromPage(request("/apps/civil-affairs/records/case-1"), "cors", "empty", trackerPage));
        HttpResponse<String> posted = send(fromPage(closeCase(), "cors", "empty", trackerPage));
        HttpResponse<String> unknown = send(fromPage(request("/apps/civil-affairs/nothing-here/"), "cors", "empty", trackerPage));

        for (HttpResponse<String> refused : List.of(read, posted, unknown)) {
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).contains("不能从其他页面加载此服务").contains("This service cannot be loaded from another page");
        }
        assertThat(records.received).as("the app never got the requests").isEmpty();
        assertThat(directory.lookups).as("nor was it looked up: no page learns which apps exist").hasValue(0);
    }

    @Test
    void theAppsOwnPagesNavigationsAndClientsWithoutFetchMetadataReachIt() throws Exception {
        String recordsPage = "http://127.0.0.1:" + port + "/apps/civil-affairs/records/";
        String trackerPage = "http://127.0.0.1:" + port + "/apps/roads/tracker/";
        HttpResponse<String> ownScript = send(fromPage(request("/apps/civil-affairs/records/case-1"), "cors", "empty", recordsPage));
        HttpResponse<String> ownPost = send(fromPage(closeCase(), "same-origin", "empty", recordsPage));
        HttpResponse<String> link = send(fromPage(request("/apps/civil-affairs/records/"), "navigate", "document", trackerPage));
        HttpResponse<String> plain = get("/apps/civil-affairs/records/case-1");

        for (HttpResponse<String> reached : List.of(ownScript, ownPost, link, plain)) {
            assertThat(reached.statusCode()).isEqualTo(201);
            assertThat(reached.body()).isEqualTo("served by records");
            assertThat(reached.headers().allValues("Cross-Origin-Opener-Policy"))
                    .as("its page opens in a context group of its own").containsExactly("noopener-allow-popups");
        }
        assertThat(records.received).hasSize(4);
    }

    @Test
    void inChromiumAnotherAppsPageReadsNothingOfTheApp() {
        try (Browser chromium = Browser.start()) {
            ChromeDriver browser = chromium.driver();
            WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
            browser.get("http://127.0.0.1:" + port + "/apps/roads/tracker/");
            wait.until(d -> !d.findElement(By.id("own")).getText().equals("...")
                    && !d.findElement(By.id("fetched")).getText().equals("...")
                    && !d.findElement(By.id("framed")).getText().equals("..."));

            assertThat(browser.findElement(By.id("own")).getText()).as("the app's own script reads its own pages")
                    .isEqualTo("served by tracker");
            assertThat(browser.findElement(By.id("fetched")).getText()).startsWith("403")
                    .doesNotContain("served by records");
            assertThat(browser.findElement(By.id("framed")).getText()).doesNotContain("served by records");
            assertThat(records.received).as("neither the fetch nor the frame reached the app").isEmpty();

            String trackerWindow = browser.getWindowHandle();
            browser.findElement(By.id("open")).click();
            wait.until(d -> !d.findElement(By.id("opened")).getText().equals("..."));
            assertThat(browser.findElement(By.id("opened")).getText()).as("the window it opened is out of its reach")
                    .startsWith("blocked").doesNotContain("served by records");
            chromium.screenshot("gateway-shared-origin-another-apps-page");

            Set<String> windows = browser.getWindowHandles();
            assertThat(windows).hasSize(2);
            browser.switchTo().window(windows.stream().filter(w -> !w.equals(trackerWindow)).findFirst().orElseThrow());
            assertThat(browser.findElement(By.tagName("body")).getText()).as("the citizen sees the page opened")
                    .isEqualTo("served by records");
            chromium.screenshot("gateway-shared-origin-opened");
        }
    }

    /** A form post, which only the front server's other path (the platform's server) forwards. */
    private HttpRequest.Builder closeCase() {
        return request("/apps/civil-affairs/records/case-1").POST(BodyPublishers.ofString("status=closed"))
                .header("Content-Type", "application/x-www-form-urlencoded");
    }

    /** The fetch metadata and referrer a browser sends with a request a page of this origin makes. */
    private static HttpRequest.Builder fromPage(HttpRequest.Builder request, String mode, String dest, String page) {
        return request.header("Sec-Fetch-Site", "same-origin").header("Sec-Fetch-Mode", mode)
                .header("Sec-Fetch-Dest", dest).header("Referer", page);
    }
}
