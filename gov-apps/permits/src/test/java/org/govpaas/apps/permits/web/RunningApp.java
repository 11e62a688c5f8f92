package org.govpaas.apps.permits.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.govpaas.apps.kit.testing.AppSignInFixture;
import org.govpaas.apps.kit.testing.TestDatabase;
import org.govpaas.apps.permits.PermitsApplication;
import org.govpaas.apps.permits.TestClockConfiguration;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The app running on a free loopback port with its own database and its clients on the real
 * test Keycloak, as the platform would run it. Subclasses share the one running app (same
 * context), so each test signs in its own new people. The city's clock is pinned
 * ({@link TestClockConfiguration}), so the answers' dates stay in the future.
 */
@SpringBootTest(classes = PermitsApplication.class, webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@Import(TestClockConfiguration.class)
abstract class RunningApp {

    static final String DEPARTMENT = "civil-affairs";
    static final int PORT = freePort();
    static final String APP_URL = "http://127.0.0.1:" + PORT + "/";
    static final AppSignInFixture SIGN_IN = AppSignInFixture.create("permits", DEPARTMENT, APP_URL);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("server.address", () -> "127.0.0.1");
        TestDatabase.create().properties().forEach((k, v) -> registry.add(k, () -> v));
        SIGN_IN.properties().forEach((k, v) -> registry.add(k, () -> v));
    }

    /**
     * Signs in through the realm that guards {@code path} and checks the app then answers it.
     * The login starts at the app's authorization endpoint: an app URL as start would already
     * count as "arrived" before any sign-in.
     */
    static BrowserlessLogin signedIn(String username, String path) {
        BrowserlessLogin browser = new BrowserlessLogin();
        String realm = path.startsWith("staff") ? "staff" : "citizens";
        URI landed = browser.login(URI.create(APP_URL + "oauth2/authorization/" + realm), username,
                AppSignInFixture.PASSWORD, uri -> uri.toString().startsWith(APP_URL)
                        && !uri.getPath().startsWith("/login/") && !uri.getPath().startsWith("/oauth2/"));
        assertThat(landed.toString()).startsWith(APP_URL);
        HttpResponse<String> page = get(browser, path);
        assertThat(page.statusCode()).as(username + " at " + path).isIn(200, 403);
        return browser;
    }

    /** A page as a browser asks for it (HTML, so error answers are the kit's pages). */
    static HttpResponse<String> get(BrowserlessLogin browser, String path) {
        return browser.send(HttpRequest.newBuilder(URI.create(APP_URL + path)).header("Accept", "text/html").GET());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
