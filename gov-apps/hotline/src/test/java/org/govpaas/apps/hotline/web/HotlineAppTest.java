package org.govpaas.apps.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.govpaas.apps.hotline.HotlineApplication;
import org.govpaas.apps.kit.testing.AppSignInFixture;
import org.govpaas.apps.kit.testing.TestDatabase;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.jsoup.Jsoup;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The hotline running as the platform starts it, under its route path, with the real Keycloak
 * (both realms, the app's own clients) and a real PostgreSQL. Subclasses share one running app.
 * People are signed in over plain HTTP ({@link BrowserlessLogin}) except in the browser journey.
 */
@SpringBootTest(classes = HotlineApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
public abstract class HotlineAppTest {

    static final String DEPARTMENT = "city-management";
    static final String ROUTE = "/apps/city-management/hotline/";
    static final int PORT = freePort();
    static final String APP_URL = "http://127.0.0.1:" + PORT + ROUTE;
    static final AppSignInFixture SIGN_IN = AppSignInFixture.create("hotline", DEPARTMENT, APP_URL);
    /** Small, so an oversized photo is cheap to make. */
    static final int PHOTO_MAX_KB = 100;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("server.address", () -> "127.0.0.1");
        registry.add("GOVPAAS_ROUTE_PATH", () -> ROUTE);
        registry.add("GOVPAAS_PARAM_PHOTO_MAX_KB", () -> PHOTO_MAX_KB);
        registry.add("GOVPAAS_PARAM_TARGET_RESOLUTION_HOURS", () -> 48);
        TestDatabase.create().properties().forEach((k, v) -> registry.add(k, () -> v));
        SIGN_IN.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /** A new citizen, signed in through the citizens realm. */
    static Person citizen() {
        String username = SIGN_IN.citizen("citizen");
        return new Person(username, signIn(username, "citizens"));
    }

    /** A new staff member of {@code department} with the staff role, signed in through the staff realm. */
    static Person staff(String department) {
        String username = SIGN_IN.staff("staff", department, "staff");
        return new Person(username, signIn(username, "staff"));
    }

    /** Signs in through the realm's Keycloak page; done when the app sends the person to its start page. */
    private static BrowserlessLogin signIn(String username, String realm) {
        BrowserlessLogin browser = new BrowserlessLogin();
        browser.login(URI.create(APP_URL + "oauth2/authorization/" + realm), username, AppSignInFixture.PASSWORD,
                uri -> uri.getPath().equals(ROUTE));
        return browser;
    }

    /** Someone with a browser session. */
    record Person(String username, BrowserlessLogin browser) {

        /** A page as a browser asks for it (HTML, so errors come as the kit's error pages). */
        HttpResponse<String> get(String path) {
            return browser.send(HttpRequest.newBuilder(URI.create(APP_URL + path)).header("Accept", "text/html").GET());
        }

        /** The name the app shows for this person (the header's "signed in as"), as the history records it. */
        String displayName() {
            String header = Jsoup.parse(get("?lang=en").body()).select(".kit-header__name").text();
            assertThat(header).startsWith("Signed in as ");
            return header.substring("Signed in as ".length());
        }

        /** Posts a form the way the page does: with the CSRF token the page at {@code formPage} carries. */
        HttpResponse<String> post(String formPage, String action, Map<String, String> fields) {
            Map<String, String> all = new LinkedHashMap<>(fields);
            all.put("_csrf", csrf(formPage));
            String body = all.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
            return browser.send(HttpRequest.newBuilder(URI.create(APP_URL + action))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "text/html")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        /** Posts the report form (multipart, as the browser does). */
        HttpResponse<String> report(Multipart form) {
            form.field("_csrf", csrf("my/tickets/new"));
            return browser.send(form.post(HttpRequest.newBuilder(URI.create(APP_URL + "my/tickets"))
                    .header("Accept", "text/html")));
        }

        String csrf(String formPage) {
            HttpResponse<String> page = get(formPage);
            assertThat(page.statusCode()).as("form page %s (redirected to %s)", formPage,
                    page.headers().firstValue("Location").orElse("-")).isEqualTo(200);
            return Jsoup.parse(page.body()).select("input[name=_csrf]").first().attr("value");
        }
    }

    /** The report form filled in correctly. */
    static Multipart validReport() {
        return new Multipart().field("category", "roads").field("district", "dongcheng")
                .field("address", "人民路 12 号").field("description", "路面塌陷，车辆难以通行");
    }

    /** The ticket number a successful report redirected to. */
    static String numberOf(HttpResponse<String> reported) {
        assertThat(reported.statusCode()).as("report accepted").isEqualTo(302);
        String location = reported.headers().firstValue("Location").orElseThrow();
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
