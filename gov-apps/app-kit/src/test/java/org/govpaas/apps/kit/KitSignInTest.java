package org.govpaas.apps.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.govpaas.apps.kit.sample.SampleServiceApplication;
import org.govpaas.apps.kit.signin.KitSignInConfiguration;
import org.govpaas.apps.kit.testing.AppSignInFixture;
import org.govpaas.apps.kit.testing.TestDatabase;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.oauth2.client.ClientAuthorizationRequiredException;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClientManager;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The kit's promises, observed from outside on a running service with the real Keycloak and a
 * real PostgreSQL: who reaches the front office, who the back office, and what a page carries.
 */
@SpringBootTest(classes = SampleServiceApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class KitSignInTest {

    static final String DEPARTMENT = "civil-affairs";
    static final int PORT = freePort();
    static final String APP_URL = "http://127.0.0.1:" + PORT + "/";
    static final AppSignInFixture SIGN_IN = AppSignInFixture.create("kit-sample", DEPARTMENT, APP_URL);

    @Autowired
    DataSource dataSource;

    @Autowired
    OAuth2AuthorizedClientManager authorizedClients;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("server.address", () -> "127.0.0.1");
        TestDatabase database = TestDatabase.create();
        database.properties().forEach((k, v) -> registry.add(k, () -> v));
        SIGN_IN.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    @Test
    void publicPageCarriesTheLayoutAndStrictHeaders() {
        BrowserlessLogin browser = new BrowserlessLogin();
        HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(APP_URL)).GET());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("示例服务", "lang=\"zh-CN\"", "govuk-frontend.min.css", "登录");
        assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
                .contains("default-src 'self'", "frame-ancestors 'none'", "form-action 'self' " + SIGN_IN.keycloak().baseUrl());
        assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");

        HttpResponse<String> english = browser.send(HttpRequest.newBuilder(URI.create(APP_URL + "?lang=en")).GET());
        assertThat(english.body()).contains("Sample service", "lang=\"en\"", "Sign in");
    }

    /** The 中文 / English links keep the page's query, also on a page an exception handler rendered. */
    @Test
    void theLanguageLinksLeadToTheSamePage() {
        BrowserlessLogin browser = new BrowserlessLogin();
        for (String path : new String[] {"?hall=north&lang=en", "refused?hall=north&lang=en"}) {
            HttpResponse<String> page = browser.send(HttpRequest.newBuilder(URI.create(APP_URL + path)).GET());
            assertThat(page.statusCode()).as(path).isIn(200, 409);
            assertThat(page.body()).as(path).contains("href=\"?hall=north&amp;lang=zh-CN\" lang=\"zh-CN\"",
                    "href=\"?hall=north&amp;lang=en\" lang=\"en\"");
        }
    }

    /**
     * The stylesheets a page links are served, the design system's from its webjar under its
     * version (a new version is a new URL, so no browser keeps the old one).
     */
    @Test
    void theStylesheetsAPageLinksAreServed() {
        BrowserlessLogin browser = new BrowserlessLogin();
        String page = browser.send(HttpRequest.newBuilder(URI.create(APP_URL)).GET()).body();
        List<String> stylesheets = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"").matcher(page).results()
                .map(m -> m.group(1)).toList();
        assertThat(stylesheets).hasSize(2);
        assertThat(stylesheets.getFirst()).matches("/webjars/govuk-frontend/\\d+\\.\\d+\\.\\d+/dist/govuk/govuk-frontend.min.css");
        assertThat(stylesheets.get(1)).isEqualTo("/kit/kit.css");
        for (String stylesheet : stylesheets) {
            HttpResponse<String> css = browser.send(HttpRequest.newBuilder(URI.create(APP_URL).resolve(stylesheet)).GET());
            assertThat(css.statusCode()).as(stylesheet).isEqualTo(200);
            assertThat(css.headers().firstValue("Content-Type").orElseThrow()).as(stylesheet).startsWith("text/css");
            assertThat(css.body()).as(stylesheet).isNotBlank();
        }
    }

    @Test
    void anonymousVisitorsAreSentToTheRightRealm() {
        BrowserlessLogin browser = new BrowserlessLogin();
        assertThat(redirect(browser, "my/whoami")).endsWith("/oauth2/authorization/citizens");
        assertThat(redirect(browser, "staff/whoami")).endsWith("/oauth2/authorization/staff");
        BrowserlessLogin.Step atKeycloak = browser.followRedirects(URI.create(APP_URL + "oauth2/authorization/citizens"),
                uri -> uri.getPath().contains("/protocol/openid-connect/auth"));
        assertThat(atKeycloak.redirectTarget().toString())
                .startsWith(SIGN_IN.keycloak().issuer("govpaas-citizens"))
                .contains("code_challenge_method=S256");
    }

    /** The authorized-client manager the kit builds on first use is Spring Security's: no client before a sign-in. */
    @Test
    void theAuthorizedClientManagerAsksForASignInFirst() {
        OAuth2AuthorizeRequest request = OAuth2AuthorizeRequest.withClientRegistrationId(KitSignInConfiguration.CITIZENS)
                .principal("not-signed-in")
                .attribute(HttpServletRequest.class.getName(), new MockHttpServletRequest())
                .attribute(HttpServletResponse.class.getName(), new MockHttpServletResponse())
                .build();
        assertThatThrownBy(() -> authorizedClients.authorize(request))
                .isInstanceOf(ClientAuthorizationRequiredException.class);
    }

    @Test
    void aCitizenReachesTheirOwnAreaButNotTheBackOffice() {
        String citizen = SIGN_IN.citizen("citizen");
        BrowserlessLogin browser = signedIn(citizen, "my/whoami");
        HttpResponse<String> mine = get(browser, "my/whoami");
        assertThat(mine.statusCode()).isEqualTo(200);
        assertThat(mine.body()).startsWith("CITIZEN " + citizen + " ");

        HttpResponse<String> backOffice = get(browser, "staff/whoami");
        assertThat(backOffice.statusCode()).isEqualTo(403);
        assertThat(backOffice.body()).contains("您无法使用此页面");

        // The session lives in the app's database, so another instance would know this citizen.
        Integer sessions = new JdbcTemplate(dataSource).queryForObject(
                "select count(*) from spring_session where principal_name = ?", Integer.class, citizen);
        assertThat(sessions).isEqualTo(1);
    }

    @Test
    void staffOfTheOwningDepartmentReachTheBackOfficeOthersDoNot() {
        String ownStaff = SIGN_IN.staff("staff");
        BrowserlessLogin own = signedIn(ownStaff, "staff/whoami");
        HttpResponse<String> page = get(own, "staff/whoami");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("STAFF " + ownStaff);

        String otherStaff = SIGN_IN.staff("other", "health", "staff");
        BrowserlessLogin other = signedIn(otherStaff, "staff/whoami");
        assertThat(get(other, "staff/whoami").statusCode()).isEqualTo(403);

        String developer = SIGN_IN.staff("dev", DEPARTMENT, "developer");
        BrowserlessLogin dev = signedIn(developer, "staff/whoami");
        assertThat(get(dev, "staff/whoami").statusCode()).as("a developer is not back-office staff").isEqualTo(403);
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        String citizen = SIGN_IN.citizen("csrf");
        BrowserlessLogin browser = signedIn(citizen, "my/whoami");
        HttpResponse<String> posted = browser.send(HttpRequest.newBuilder(URI.create(APP_URL + "my/echo"))
                .POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(posted.statusCode()).isEqualTo(403);
        assertThat(posted.body()).doesNotContain("posted by");
    }

    private static BrowserlessLogin signedIn(String username, String path) {
        BrowserlessLogin browser = new BrowserlessLogin();
        // Back at the page asked for, after the callback: Spring Security marks it with ?continue.
        URI landed = browser.login(URI.create(APP_URL + path), username, AppSignInFixture.PASSWORD,
                uri -> uri.toString().startsWith(APP_URL + path + "?continue"));
        assertThat(landed.toString()).startsWith(APP_URL + path);
        return browser;
    }

    private static HttpResponse<String> get(BrowserlessLogin browser, String path) {
        return browser.send(HttpRequest.newBuilder(URI.create(APP_URL + path)).header("Accept", "text/html").GET());
    }

    private static String redirect(BrowserlessLogin browser, String path) {
        HttpResponse<String> response = get(browser, path);
        assertThat(response.statusCode()).isEqualTo(302);
        return response.headers().firstValue("Location").orElseThrow();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

}
