package org.govpaas.platform.testing;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.govpaas.identity.testing.KeycloakTestServer;

/**
 * One person using the platform over HTTP, the way a browser or the CLI would: a console session
 * obtained through Keycloak's real login form, and a bearer token from the {@code govpaas-cli}
 * client (authorization code + PKCE on a loopback redirect).
 */
public final class StaffClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final BrowserlessLogin browser;
    private final String username;
    /** Signs in again for a fresh token: a long test on a busy machine outlives the token's 5 minutes. */
    private final java.util.function.Supplier<BrowserlessLogin.TokenResponse> tokens;
    private String accessToken;
    private java.time.Instant renewAt = java.time.Instant.MAX;

    private StaffClient(String baseUrl, BrowserlessLogin browser, String accessToken, String username) {
        this(baseUrl, browser, accessToken, username, null);
    }

    private StaffClient(String baseUrl, BrowserlessLogin browser, String accessToken, String username,
                        java.util.function.Supplier<BrowserlessLogin.TokenResponse> tokens) {
        this.baseUrl = baseUrl;
        this.browser = browser;
        this.accessToken = accessToken;
        this.username = username;
        this.tokens = tokens;
        if (tokens != null) {
            renew();
        }
    }

    private synchronized void renew() {
        BrowserlessLogin.TokenResponse token = tokens.get();
        accessToken = token.accessToken();
        renewAt = java.time.Instant.now().plusSeconds(Math.max(token.expiresIn() - 60, 10));
    }

    static StaffClient signIn(String baseUrl, KeycloakTestServer keycloak, String username, String password) {
        BrowserlessLogin browser = new BrowserlessLogin();
        URI landed = browser.login(URI.create(baseUrl + "/oauth2/authorization/keycloak"), username, password,
                uri -> uri.toString().startsWith(baseUrl + "/console"));
        if (!landed.getPath().startsWith("/console")) {
            throw new IllegalStateException("console sign-in of " + username + " ended at " + landed);
        }
        return new StaffClient(baseUrl, browser, null, username, () -> new BrowserlessLogin().authorizationCodeLogin(
                keycloak.issuer(KeycloakTestServer.STAFF_REALM), "govpaas-cli", null,
                URI.create("http://127.0.0.1:53682/callback"), username, password));
    }

    /** Somebody holding only a bearer token obtained elsewhere. */
    public static StaffClient bearer(String baseUrl, String accessToken) {
        return new StaffClient(baseUrl, new BrowserlessLogin(), accessToken, "token-holder");
    }

    public static StaffClient anonymous(String baseUrl) {
        return new StaffClient(baseUrl, new BrowserlessLogin(), null, "anonymous");
    }

    public String username() {
        return username;
    }

    public synchronized String accessToken() {
        if (tokens != null && java.time.Instant.now().isAfter(renewAt)) {
            renew();
        }
        return accessToken;
    }

    /** An API call with this person's bearer token (none when anonymous). */
    public HttpResponse<String> api(String method, String path, String json) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        String token = accessToken();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return browser.send(request);
    }

    /** A console page in this person's browser session. */
    public HttpResponse<String> get(String path) {
        return get(path, Map.of());
    }

    /** A console page in this person's browser session, with headers a browser would add. */
    public HttpResponse<String> get(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept", "text/html").GET();
        headers.forEach(request::header);
        return browser.send(request);
    }

    /** A console form post, with the CSRF token a real page would have carried. */
    public HttpResponse<String> post(String path, Map<String, String> form) {
        Map<String, String> fields = new java.util.LinkedHashMap<>(form);
        csrfToken().ifPresent(token -> fields.putIfAbsent("_csrf", token));
        return postWithoutCsrf(path, fields);
    }

    public HttpResponse<String> postWithoutCsrf(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return browser.send(HttpRequest.newBuilder(URI.create(baseUrl + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** The CSRF token a console page carries in its forms. */
    public java.util.Optional<String> csrfToken() {
        Matcher m = CSRF.matcher(get("/console").body());
        return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
