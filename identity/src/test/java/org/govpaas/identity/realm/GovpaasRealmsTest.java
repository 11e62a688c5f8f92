package org.govpaas.identity.realm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.DepartmentRole;
import org.govpaas.identity.adapter.KeycloakClaims;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.govpaas.identity.testing.BrowserlessLogin.LoginFailedException;
import org.govpaas.identity.testing.BrowserlessLogin.TokenResponse;
import org.govpaas.identity.testing.KeycloakTestServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The realm definitions of {@code identity/keycloak/realms}, imported into a real Keycloak:
 * sign-in through the public CLI client and the confidential console client with code + PKCE on
 * loopback redirects, the token claims the platform relies on, and the citizens' self-registration.
 */
class GovpaasRealmsTest {

    private static final String STAFF = KeycloakTestServer.STAFF_REALM;
    private static final String CITIZENS = KeycloakTestServer.CITIZENS_REALM;
    private static final String PASSWORD = "govpaas-demo";
    private static final String DEVELOPER_GROUP = "/departments/civil-affairs/developer";

    private static KeycloakTestServer keycloak;
    private static String developer;

    @BeforeAll
    static void startKeycloakAndCreateDeveloper() {
        keycloak = KeycloakTestServer.shared();
        developer = "dev-" + UUID.randomUUID().toString().substring(0, 8);
        keycloak.ensureGroup(STAFF, DEVELOPER_GROUP);
        keycloak.createUser(STAFF, developer, PASSWORD, List.of(DEVELOPER_GROUP), List.of("it-office"));
    }

    @Test
    void cliLoginWithPkceOnAnyLoopbackPortCarriesAudienceGroupsAndRoles() {
        URI redirect = URI.create("http://127.0.0.1:" + unusedLookingPort() + "/callback");

        TokenResponse tokens = new BrowserlessLogin().authorizationCodeLogin(
                keycloak.issuer(STAFF), "govpaas-cli", null, redirect, developer, PASSWORD);

        JsonNode claims = tokens.accessTokenClaims();
        System.out.println("govpaas-cli access token claims: iss=" + claims.get("iss") + " aud=" + claims.get("aud")
                + " azp=" + claims.get("azp") + " groups=" + claims.get("groups") + " roles=" + claims.get("roles"));
        assertThat(claims.path("iss").asString()).isEqualTo("http://localhost:" + keycloak.port() + "/realms/govpaas-staff");
        assertThat(strings(claims.get("aud"))).contains("govpaas-api");
        assertThat(strings(claims.get("groups"))).contains(DEVELOPER_GROUP);
        assertThat(strings(claims.get("roles"))).contains("it-office");
        assertThat(claims.path("azp").asString()).isEqualTo("govpaas-cli");
        assertThat(claims.path("preferred_username").asString()).isEqualTo(developer);

        JsonNode id = tokens.idTokenClaims();
        assertThat(strings(id.get("groups"))).contains(DEVELOPER_GROUP);
        assertThat(strings(id.get("roles"))).contains("it-office");
        assertThat(strings(id.get("aud"))).containsExactly("govpaas-cli");

        // What the platform makes of the claims: Keycloak puts its own realm roles in them too
        // (default-roles-govpaas-staff and what it holds), which grant nothing and are no platform role.
        assertThat(strings(claims.get("roles"))).contains("default-roles-govpaas-staff", "offline_access");
        @SuppressWarnings("unchecked")
        Caller caller = KeycloakClaims.toCaller(JsonMapper.builder().build().convertValue(claims, Map.class));
        assertThat(caller.username()).isEqualTo(developer);
        assertThat(caller.platformRoles()).containsExactly("it-office");
        assertThat(caller.departments()).containsOnlyKeys("civil-affairs");
        assertThat(caller.hasRole("civil-affairs", DepartmentRole.DEVELOPER)).isTrue();
    }

    /**
     * The CLI client takes any loopback port as its redirect, and with the local runtime apps listen
     * on loopback ports of the staff member's machine: were a browser's Keycloak session enough, an
     * app page could send that browser through this sign-in to its own port and receive a code. So
     * the CLI always asks for the password (minimum ACR 1: authenticated in this very request),
     * while the console keeps single sign-on.
     */
    @Test
    void cliSignInAsksForThePasswordEvenWithAKeycloakSession() {
        BrowserlessLogin browser = new BrowserlessLogin();
        int port = unusedLookingPort();
        URI redirect = URI.create("http://127.0.0.1:" + port + "/callback");
        browser.authorizationCodeLogin(keycloak.issuer(STAFF), "govpaas-cli", null, redirect, developer, PASSWORD);

        BrowserlessLogin.Step again = authorizeIn(browser, "govpaas-cli", redirect);
        assertThat(again.redirectTarget()).isNull();
        assertThat(again.response().body()).contains("kc-form-login");

        BrowserlessLogin.Step single = authorizeIn(browser, "govpaas-console",
                URI.create("http://127.0.0.1:" + port + "/login/oauth2/code/keycloak"));
        assertThat(single.redirectTarget()).isNotNull();
        assertThat(BrowserlessLogin.queryParameters(single.redirectTarget())).containsKey("code");
    }

    /** An authorization request in a browser that may already hold a Keycloak session: a page or the code. */
    private static BrowserlessLogin.Step authorizeIn(BrowserlessLogin browser, String clientId, URI redirect) {
        return browser.followRedirects(BrowserlessLogin.authorizationUri(keycloak.issuer(STAFF), clientId, redirect,
                "openid", "state", BrowserlessLogin.Pkce.generate()), uri -> uri.getPort() == redirect.getPort());
    }

    @Test
    void wrongPasswordIsRejected() {
        URI redirect = URI.create("http://127.0.0.1:" + unusedLookingPort() + "/callback");

        assertThatThrownBy(() -> new BrowserlessLogin().authorizationCodeLogin(
                keycloak.issuer(STAFF), "govpaas-cli", null, redirect, developer, "not-the-password"))
                .isInstanceOf(LoginFailedException.class)
                .hasMessageContaining("did not redirect to the client");
    }

    @Test
    void redirectOutsideLoopbackIsRefused() {
        for (String redirect : List.of("http://evil.example/callback", "http://localhost:"
                + unusedLookingPort() + "/callback", "https://127.0.0.1.evil.example/callback")) {
            URI authorize = BrowserlessLogin.authorizationUri(keycloak.issuer(STAFF), "govpaas-cli",
                    URI.create(redirect), "openid", "state", BrowserlessLogin.Pkce.generate());

            BrowserlessLogin.Step step = new BrowserlessLogin().followRedirects(authorize, uri -> false);

            assertThat(step.response().statusCode()).as(redirect).isEqualTo(400);
            assertThat(step.response().body()).as(redirect).doesNotContain("kc-form-login");
        }
    }

    @Test
    void cliRequiresPkce() {
        String authorize = keycloak.issuer(STAFF) + "/protocol/openid-connect/auth?client_id=govpaas-cli"
                + "&response_type=code&scope=openid&state=s&redirect_uri=http://127.0.0.1:4711/callback";

        BrowserlessLogin.Step step = new BrowserlessLogin().followRedirects(URI.create(authorize), uri -> uri.getPort() == 4711);

        // Keycloak redirects back with an error instead of showing the login form.
        assertThat(step.redirectTarget()).isNotNull();
        assertThat(BrowserlessLogin.queryParameters(step.redirectTarget()))
                .containsEntry("error", "invalid_request");
    }

    @Test
    void confidentialConsoleClientAcceptsLoopbackRedirectOnAnyPort() {
        URI redirect = URI.create("http://127.0.0.1:" + unusedLookingPort() + "/login/oauth2/code/keycloak");

        TokenResponse tokens = new BrowserlessLogin().authorizationCodeLogin(keycloak.issuer(STAFF),
                "govpaas-console", "govpaas-local-console-secret", redirect, developer, PASSWORD);

        JsonNode id = tokens.idTokenClaims();
        assertThat(id.path("iss").asString()).isEqualTo(keycloak.issuer(STAFF));
        assertThat(strings(id.get("groups"))).contains(DEVELOPER_GROUP);
        assertThat(strings(id.get("roles"))).contains("it-office");
        assertThat(strings(tokens.accessTokenClaims().get("aud"))).doesNotContain("govpaas-api");
    }

    @Test
    void cliSupportsTheDeviceAuthorizationGrantWithPkce() {
        // The client's PKCE requirement applies to the device authorization request too.
        BrowserlessLogin.Pkce pkce = BrowserlessLogin.Pkce.generate();
        HttpResponse<String> response = new BrowserlessLogin().send(HttpRequest.newBuilder(
                        URI.create(keycloak.issuer(STAFF) + "/protocol/openid-connect/auth/device"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("client_id=govpaas-cli&scope=openid"
                        + "&code_challenge_method=S256&code_challenge=" + pkce.challenge())));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(JsonMapper.builder().build().readTree(response.body()).has("device_code")).isTrue();
    }

    @Test
    void platformServiceAccountCanProvisionBothRealms() {
        for (String realm : List.of(STAFF, CITIZENS)) {
            HttpResponse<String> token = new BrowserlessLogin().send(HttpRequest.newBuilder(
                            URI.create(keycloak.issuer(realm) + "/protocol/openid-connect/token"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=govpaas-platform"
                            + "&client_secret=govpaas-local-platform-secret")));
            assertThat(token.statusCode()).as(token.body()).isEqualTo(200);
            JsonNode claims = BrowserlessLogin.decodeJwtPayload(
                    JsonMapper.builder().build().readTree(token.body()).path("access_token").asString());
            assertThat(strings(claims.path("resource_access").path("realm-management").get("roles")))
                    .contains("manage-users", "view-users", "query-users", "query-groups", "view-realm",
                            "manage-clients", "view-clients", "query-clients");
        }
    }

    @Test
    void realmsAreLocalisedAndProtected() {
        for (String realm : List.of(STAFF, CITIZENS)) {
            JsonNode settings = keycloak.adminGet("/" + realm);
            assertThat(settings.path("internationalizationEnabled").asBoolean()).isTrue();
            assertThat(strings(settings.get("supportedLocales"))).containsExactlyInAnyOrder("zh-CN", "en");
            assertThat(settings.path("defaultLocale").asString()).isEqualTo("zh-CN");
            assertThat(settings.path("bruteForceProtected").asBoolean()).isTrue();
            assertThat(settings.path("sslRequired").asString()).isEqualTo("external");
            assertThat(settings.path("passwordPolicy").asString()).contains("length(8)");
        }
        assertThat(keycloak.adminGet("/" + STAFF).path("registrationAllowed").asBoolean()).isFalse();
        assertThat(keycloak.adminGet("/" + STAFF + "/group-by-path/departments").path("name").asString())
                .isEqualTo("departments");
    }

    @Test
    void citizensCanRegisterThemselves() {
        String account = keycloak.issuer(CITIZENS) + "/account/";
        URI registration = URI.create(keycloak.issuer(CITIZENS) + "/protocol/openid-connect/registrations?"
                + "client_id=account&response_type=code&scope=openid&redirect_uri=" + account);

        BrowserlessLogin.Step page = new BrowserlessLogin().followRedirects(registration, uri -> false);

        assertThat(page.response().statusCode()).isEqualTo(200);
        assertThat(page.response().body()).contains("kc-register-form");
        JsonNode settings = keycloak.adminGet("/" + CITIZENS);
        assertThat(settings.path("registrationAllowed").asBoolean()).isTrue();
        assertThat(settings.path("loginWithEmailAllowed").asBoolean()).isTrue();
        assertThat(settings.path("rememberMe").asBoolean()).isTrue();
        assertThat(settings.path("verifyEmail").asBoolean()).isFalse();
    }

    @Test
    void realmFilesImportNoPeopleOnlyTheServiceAccount() throws Exception {
        java.nio.file.Path realms = java.nio.file.Path.of("keycloak/realms");
        if (!java.nio.file.Files.isDirectory(realms)) {
            realms = java.nio.file.Path.of("identity/keycloak/realms");
        }
        for (String file : List.of("govpaas-staff-realm.json", "govpaas-citizens-realm.json")) {
            JsonNode realm = JsonMapper.builder().build().readTree(java.nio.file.Files.readString(realms.resolve(file)));
            assertThat(realm.has("clientScopes")).as(file + " must not replace the built-in client scopes").isFalse();
            List<String> users = new ArrayList<>();
            realm.path("users").forEach(user -> users.add(user.path("username").asString()));
            assertThat(users).as(file + ": demo users are created by the platform, never imported")
                    .containsExactly("service-account-govpaas-platform");
        }
    }

    private static List<String> strings(JsonNode node) {
        List<String> values = new ArrayList<>();
        if (node == null || node.isNull() || node.isMissingNode()) {
            return values;
        }
        if (node.isArray()) {
            node.forEach(value -> values.add(value.asString()));
        } else {
            values.add(node.asString());
        }
        return values;
    }

    /** Any port: nothing listens there, the redirect is only read from the Location header. */
    private static int unusedLookingPort() {
        return 20000 + (int) (Math.random() * 40000);
    }
}
