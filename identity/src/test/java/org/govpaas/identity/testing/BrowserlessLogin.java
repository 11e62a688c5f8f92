package org.govpaas.identity.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real browser-style OIDC login against Keycloak with nothing but {@link HttpClient}: it follows
 * redirects itself, keeps its own cookie jar, fills in Keycloak's login form and stops at the
 * redirect back to the client, whose {@code code} it reads from the {@code Location} header (no
 * listener is needed on the redirect port).
 *
 * <p>The cookie jar is deliberately simple and sends {@code Secure} cookies over plain HTTP, as
 * browsers do for {@code localhost}: Keycloak marks its login cookies {@code Secure} and the JDK's
 * {@code CookieManager} would withhold them (the login then fails with {@code cookie_not_found}).
 *
 * <p>Building blocks for logging in to a running Spring app (a confidential client): call
 * {@link #followRedirects(URI, Predicate)} on the app's {@code /oauth2/authorization/<id>} URL
 * until Keycloak's login page, {@link #submitCredentials} and then follow the redirects through the
 * app's callback; the jar keeps the app's session cookie too.
 *
 * <p>One instance per simulated browser. Like a browser, it may have several requests in flight
 * at once (a test's concurrent API calls), so its cookie jar is guarded.
 */
public final class BrowserlessLogin {

    private static final int MAX_REDIRECTS = 20;
    private static final Pattern LOGIN_FORM = Pattern.compile(
            "<form\\b[^>]*\\bid=\"kc-form-login\"[^>]*>(.*?)</form>", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final Pattern ACTION = Pattern.compile("\\baction=\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);
    private static final Pattern INPUT = Pattern.compile("<input\\b[^>]*>", Pattern.CASE_INSENSITIVE);
    private static final Pattern ATTRIBUTE = Pattern.compile("\\b([a-zA-Z-]+)=\"([^\"]*)\"");
    private static final Pattern ERROR_MESSAGE = Pattern.compile(
            "id=\"(?:input-error[^\"]*|kc-error-message)\"[^>]*>(.*?)</", Pattern.DOTALL | Pattern.CASE_INSENSITIVE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final JsonMapper json = JsonMapper.builder().build();
    private final List<Cookie> cookies = new ArrayList<>();

    // ================================================================ one-call login

    /**
     * A complete authorization-code login with PKCE S256: authorization request, Keycloak login
     * form, redirect to {@code redirectUri} (never requested), state check and token request.
     *
     * @param clientSecret null for a public client
     */
    public TokenResponse authorizationCodeLogin(String issuer, String clientId, String clientSecret,
                                                URI redirectUri, String username, String password) {
        Pkce pkce = Pkce.generate();
        String state = randomToken();
        URI authorize = authorizationUri(issuer, clientId, redirectUri, "openid", state, pkce);
        URI callback = login(authorize, username, password, startsWith(redirectUri));
        Map<String, String> params = queryParameters(callback);
        if (params.containsKey("error")) {
            throw new LoginFailedException("Keycloak redirected with error " + params.get("error") + ": "
                    + params.get("error_description"), callback.toString());
        }
        if (!state.equals(params.get("state"))) {
            throw new LoginFailedException("state mismatch in " + callback, callback.toString());
        }
        String code = params.get("code");
        if (code == null) {
            throw new LoginFailedException("no code in " + callback, callback.toString());
        }
        return exchangeCode(issuer, clientId, clientSecret, redirectUri, code, pkce.verifier());
    }

    /** The authorization endpoint URL of a code + PKCE S256 request. */
    public static URI authorizationUri(String issuer, String clientId, URI redirectUri, String scope,
                                       String state, Pkce pkce) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", clientId);
        query.put("response_type", "code");
        query.put("scope", scope);
        query.put("redirect_uri", redirectUri.toString());
        query.put("state", state);
        query.put("nonce", randomToken());
        query.put("code_challenge", pkce.challenge());
        query.put("code_challenge_method", "S256");
        return URI.create(issuer + "/protocol/openid-connect/auth?" + KeycloakTestServer.form(query));
    }

    /**
     * Starts at {@code start} (an authorization request, or an app URL that redirects to one),
     * submits the credentials on Keycloak's login form and follows redirects until one points at
     * a URI accepted by {@code target}; returns that URI without requesting it.
     *
     * @throws LoginFailedException when Keycloak shows the login form again (wrong credentials),
     *                              an error page, or anything else than the expected redirect
     */
    public URI login(URI start, String username, String password, Predicate<URI> target) {
        Step page = followRedirects(start, target);
        if (page.redirectTarget() != null) {
            return page.redirectTarget(); // already signed in (SSO session)
        }
        Step afterLogin = submitCredentials(page.response(), username, password, target);
        if (afterLogin.redirectTarget() == null) {
            HttpResponse<String> response = afterLogin.response();
            throw new LoginFailedException("Login as " + username + " did not redirect to the client: "
                    + response.statusCode() + " " + response.uri() + errorMessage(response.body()).map(m -> ": " + m).orElse(""),
                    response.body());
        }
        return afterLogin.redirectTarget();
    }

    /**
     * Posts username and password (plus the form's hidden fields) to the {@code kc-form-login}
     * form of {@code loginPage}, then follows redirects like {@link #followRedirects}.
     */
    public Step submitCredentials(HttpResponse<String> loginPage, String username, String password,
                                  Predicate<URI> target) {
        Matcher form = LOGIN_FORM.matcher(loginPage.body());
        if (!form.find()) {
            throw new LoginFailedException("No Keycloak login form (kc-form-login) at " + loginPage.uri() + " ("
                    + loginPage.statusCode() + ")" + errorMessage(loginPage.body()).map(m -> ": " + m).orElse(""),
                    loginPage.body());
        }
        Matcher action = ACTION.matcher(form.group(0));
        if (!action.find()) {
            throw new LoginFailedException("Login form without action at " + loginPage.uri(), loginPage.body());
        }
        URI actionUri = loginPage.uri().resolve(htmlUnescape(action.group(1)));
        Map<String, String> fields = new LinkedHashMap<>();
        Matcher input = INPUT.matcher(form.group(1));
        while (input.find()) {
            Map<String, String> attributes = attributes(input.group());
            if ("hidden".equalsIgnoreCase(attributes.get("type")) && attributes.containsKey("name")) {
                fields.put(attributes.get("name"), attributes.getOrDefault("value", ""));
            }
        }
        fields.put("username", username);
        fields.put("password", password);
        HttpResponse<String> response = send(HttpRequest.newBuilder(actionUri)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakTestServer.form(fields))));
        return continueFrom(response, target);
    }

    /**
     * GETs {@code start} and follows redirects (resolving relative {@code Location}s) until either
     * a redirect points at a URI accepted by {@code target} (returned, not requested) or a
     * non-redirect response arrives (returned as the page).
     */
    public Step followRedirects(URI start, Predicate<URI> target) {
        if (target.test(start)) {
            return new Step(start, null);
        }
        return continueFrom(send(HttpRequest.newBuilder(start).GET()), target);
    }

    private Step continueFrom(HttpResponse<String> response, Predicate<URI> target) {
        for (int i = 0; i < MAX_REDIRECTS; i++) {
            Optional<String> location = response.headers().firstValue("Location");
            if (!isRedirect(response.statusCode()) || location.isEmpty()) {
                return new Step(null, response);
            }
            URI next = response.uri().resolve(location.get());
            if (target.test(next)) {
                return new Step(next, response);
            }
            response = send(HttpRequest.newBuilder(next).GET());
        }
        throw new LoginFailedException("More than " + MAX_REDIRECTS + " redirects, last at " + response.uri(),
                response.body());
    }

    /** Exchanges an authorization code at the realm's token endpoint. */
    public TokenResponse exchangeCode(String issuer, String clientId, String clientSecret, URI redirectUri,
                                      String code, String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri.toString());
        form.put("client_id", clientId);
        form.put("code_verifier", codeVerifier);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(KeycloakTestServer.form(form)));
        if (clientSecret != null) {
            // RFC 6749 2.3.1: both parts form-urlencoded before base64.
            String basic = URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                    + URLEncoder.encode(clientSecret, StandardCharsets.UTF_8);
            request.header("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(basic.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> response = send(request);
        if (response.statusCode() != 200) {
            throw new LoginFailedException("Token request for " + clientId + " answered " + response.statusCode()
                    + ": " + response.body(), response.body());
        }
        JsonNode body = json.readTree(response.body());
        return new TokenResponse(
                body.path("access_token").asString(),
                text(body, "id_token"),
                text(body, "refresh_token"),
                body.path("expires_in").asLong(),
                body);
    }

    // ================================================================ HTTP with a cookie jar

    /** Sends a request with this browser's cookies and stores the cookies it sets. */
    public HttpResponse<String> send(HttpRequest.Builder request) {
        HttpRequest built = request.copy().build();
        String cookieHeader = cookieHeader(built.uri());
        if (!cookieHeader.isEmpty()) {
            request.header("Cookie", cookieHeader);
        }
        request.timeout(Duration.ofSeconds(30));
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            response.headers().allValues("Set-Cookie").forEach(header -> store(response.uri(), header));
            return response;
        } catch (IOException e) {
            throw new UncheckedIOException(built.method() + " " + built.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of a cookie this browser holds for {@code uri}, if any. */
    public synchronized Optional<String> cookie(URI uri, String name) {
        return cookies.stream().filter(c -> c.name.equals(name) && c.matches(uri)).map(c -> c.value).findFirst();
    }

    public synchronized void clearCookies() {
        cookies.clear();
    }

    private synchronized String cookieHeader(URI uri) {
        StringBuilder header = new StringBuilder();
        // Longer paths first, as browsers do.
        cookies.stream().filter(c -> c.matches(uri))
                .sorted((a, b) -> Integer.compare(b.path.length(), a.path.length()))
                .forEach(c -> {
                    if (!header.isEmpty()) {
                        header.append("; ");
                    }
                    header.append(c.name).append('=').append(c.value);
                });
        return header.toString();
    }

    private synchronized void store(URI uri, String setCookie) {
        String[] parts = setCookie.split(";");
        int eq = parts[0].indexOf('=');
        if (eq <= 0) {
            return;
        }
        String name = parts[0].substring(0, eq).trim();
        String value = parts[0].substring(eq + 1).trim();
        String path = defaultPath(uri);
        String domain = uri.getHost().toLowerCase(Locale.ROOT);
        boolean expired = false;
        for (int i = 1; i < parts.length; i++) {
            String attribute = parts[i].trim();
            int aeq = attribute.indexOf('=');
            String key = (aeq < 0 ? attribute : attribute.substring(0, aeq)).trim().toLowerCase(Locale.ROOT);
            String attributeValue = aeq < 0 ? "" : attribute.substring(aeq + 1).trim();
            switch (key) {
                case "path" -> path = attributeValue.isEmpty() ? "/" : attributeValue;
                case "domain" -> {
                    if (!attributeValue.isEmpty()) {
                        domain = attributeValue.replaceFirst("^\\.", "").toLowerCase(Locale.ROOT);
                    }
                }
                case "max-age" -> {
                    try {
                        expired |= Long.parseLong(attributeValue) <= 0;
                    } catch (NumberFormatException ignored) {
                        // keep it
                    }
                }
                case "expires" -> {
                    try {
                        expired |= ZonedDateTime.parse(attributeValue, DateTimeFormatter.RFC_1123_DATE_TIME)
                                .isBefore(ZonedDateTime.now());
                    } catch (RuntimeException ignored) {
                        // unparsable date: keep it
                    }
                }
                default -> {
                    // Secure, HttpOnly, SameSite: deliberately ignored (see class comment)
                }
            }
        }
        String finalDomain = domain;
        String finalPath = path;
        cookies.removeIf(c -> c.name.equals(name) && c.domain.equals(finalDomain) && c.path.equals(finalPath));
        if (!expired) {
            cookies.add(new Cookie(name, value, finalDomain, finalPath));
        }
    }

    private static String defaultPath(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || !path.startsWith("/") || path.lastIndexOf('/') == 0) {
            return "/";
        }
        return path.substring(0, path.lastIndexOf('/'));
    }

    private record Cookie(String name, String value, String domain, String path) {
        boolean matches(URI uri) {
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
            boolean domainMatches = host.equals(domain) || host.endsWith("." + domain);
            String requestPath = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            boolean pathMatches = requestPath.equals(path)
                    || (requestPath.startsWith(path) && (path.endsWith("/") || requestPath.charAt(path.length()) == '/'));
            return domainMatches && pathMatches;
        }
    }

    // ================================================================ small helpers

    /** A predicate matching URIs that start with {@code prefix}'s scheme, host, port and path. */
    public static Predicate<URI> startsWith(URI prefix) {
        String p = prefix.getScheme() + "://" + prefix.getAuthority() + (prefix.getRawPath() == null ? "" : prefix.getRawPath());
        return uri -> (uri.getScheme() + "://" + uri.getAuthority() + (uri.getRawPath() == null ? "" : uri.getRawPath()))
                .startsWith(p);
    }

    /** Decoded query parameters of a URI (first value wins). */
    public static Map<String, String> queryParameters(URI uri) {
        Map<String, String> params = new LinkedHashMap<>();
        String query = uri.getRawQuery();
        if (query == null) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            params.putIfAbsent(name, value);
        }
        return params;
    }

    /** Decodes the payload (claims) of a JWT without verifying it: for assertions only. */
    public static JsonNode decodeJwtPayload(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT: " + jwt);
        }
        byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
        return JsonMapper.builder().build().readTree(new String(payload, StandardCharsets.UTF_8));
    }

    /** The error message a Keycloak page shows (login form error or error page), if any. */
    public static Optional<String> errorMessage(String html) {
        if (html == null) {
            return Optional.empty();
        }
        Matcher matcher = ERROR_MESSAGE.matcher(html);
        if (matcher.find()) {
            return Optional.of(htmlUnescape(matcher.group(1).replaceAll("<[^>]*>", "").trim()));
        }
        return Optional.empty();
    }

    static String htmlUnescape(String text) {
        Matcher numeric = Pattern.compile("&#(x?)([0-9a-fA-F]+);").matcher(text);
        StringBuilder out = new StringBuilder();
        while (numeric.find()) {
            int codePoint = Integer.parseInt(numeric.group(2), numeric.group(1).isEmpty() ? 10 : 16);
            numeric.appendReplacement(out, Matcher.quoteReplacement(new String(Character.toChars(codePoint))));
        }
        numeric.appendTail(out);
        return out.toString()
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&");
    }

    private static Map<String, String> attributes(String tag) {
        Map<String, String> attributes = new LinkedHashMap<>();
        Matcher matcher = ATTRIBUTE.matcher(tag);
        while (matcher.find()) {
            attributes.put(matcher.group(1).toLowerCase(Locale.ROOT), htmlUnescape(matcher.group(2)));
        }
        return attributes;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    // ================================================================ value types

    /**
     * The outcome of following redirects: either {@code redirectTarget} (the matching redirect,
     * not requested; {@code response} is the redirect itself) or {@code response}, the page where
     * the redirects ended.
     */
    public record Step(URI redirectTarget, HttpResponse<String> response) {
    }

    /** A PKCE verifier and its S256 challenge. */
    public record Pkce(String verifier, String challenge) {
        public static Pkce generate() {
            String verifier = randomToken();
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return new Pkce(verifier, Base64.getUrlEncoder().withoutPadding().encodeToString(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** The token endpoint's answer. */
    public record TokenResponse(String accessToken, String idToken, String refreshToken, long expiresIn, JsonNode raw) {
        public JsonNode accessTokenClaims() {
            return decodeJwtPayload(accessToken);
        }

        public JsonNode idTokenClaims() {
            return idToken == null ? null : decodeJwtPayload(idToken);
        }
    }

    /** The login did not end in the expected redirect; {@code page} is what came back instead. */
    public static final class LoginFailedException extends RuntimeException {
        private final String page;

        public LoginFailedException(String message, String page) {
            super(message);
            this.page = page;
        }

        public String page() {
            return page;
        }
    }
}
