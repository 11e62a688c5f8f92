package org.govpaas.apps.noticeboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The board as the platform starts it: route path, deploy parameters and address come from the
 * environment contract (given here as properties, which Spring reads the same way).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "SERVER_ADDRESS=127.0.0.1",
        "GOVPAAS_ROUTE_PATH=/apps/civil-affairs/notices/",
        "GOVPAAS_PARAM_TITLE=民政局公告栏",
        "GOVPAAS_PARAM_WELCOME=<script>alert('x')</script> 欢迎",
        "GOVPAAS_PARAM_THEME=dark"})
class NoticeBoardApplicationTest {

    static final String BOARD = "/apps/civil-affairs/notices/";
    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void theBoardRendersInChineseWithTheDeployParameters() throws Exception {
        HttpResponse<String> page = get(BOARD + "?lang=zh-CN");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"zh-CN\"", "民政局公告栏", "通知公告", "临时停水通知", "board--dark");
    }

    @Test
    void theBoardRendersInEnglish() throws Exception {
        HttpResponse<String> page = get(BOARD + "?lang=en");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"en\"", "民政局公告栏", "Notices", "Water supply interruption")
                .doesNotContain("临时停水通知");
    }

    @Test
    void aScriptInTheWelcomeParameterIsShownAsTextNotRun() throws Exception {
        String body = get(BOARD).body();

        assertThat(body).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; 欢迎").doesNotContain("<script>");
    }

    @Test
    void theAppLivesUnderItsRoutePathOnly() throws Exception {
        assertThat(get("/").statusCode()).isEqualTo(404);
        assertThat(get(BOARD + "css/board.css").statusCode()).isEqualTo(200);
        assertThat(get(BOARD + "webjars/govuk-frontend/dist/govuk/govuk-frontend.min.css").statusCode()).isEqualTo(200);
    }

    @Test
    void linksFollowTheGatewaysForwardedHeaders() throws Exception {
        HttpResponse<String> page = CLIENT.send(HttpRequest.newBuilder(URI.create(url(BOARD)))
                .header("X-Forwarded-Host", "gov.example:8080").header("X-Forwarded-Proto", "http")
                .header("X-Forwarded-Prefix", "/apps/civil-affairs/notices").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(page.body()).contains("href=\"/apps/civil-affairs/notices/css/board.css\"",
                "href=\"/apps/civil-affairs/notices/?lang=en\"");
    }

    @Test
    void pagesCarryStrictSecurityHeaders() throws Exception {
        HttpResponse<String> page = get(BOARD);

        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(page.headers().firstValue("Referrer-Policy")).hasValue("strict-origin-when-cross-origin");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(page.headers().allValues("Set-Cookie")).noneMatch(c -> c.startsWith("JSESSIONID"));
    }

    @Test
    void readinessIsUpUnderTheRoutePath() throws Exception {
        HttpResponse<String> health = get(BOARD + "actuator/health/readiness");

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create(url(path))).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }
}
