package org.govpaas.platform.apps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.Test;

/**
 * The three citizen services as a department deploys them: from the catalog with their default
 * parameters, each with its own database and sign-in clients, serving at its route through the
 * gateway; a citizen signs in to one of them through the gateway and the shared Keycloak, and
 * pages that read the services' own databases answer.
 */
class CitizenServicesDeployTest extends PlatformIntegrationTest {

    static final Duration UP = Duration.ofSeconds(180);
    static final List<String> SERVICES = List.of("appointments", "permits", "hotline");

    @Test
    void allThreeDeployFromTheCatalogAndServeCitizensAtTheirRoutes() {
        StaffClient admin = as("platform-admin");
        String dept = "svc-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> created = admin.api("POST", "/api/v1/departments", """
                {"code": "%s", "nameZh": "便民服务", "nameEn": "Citizen services", "maxApps": 3, "maxInstances": 3,
                 "maxMemoryMib": 4096, "monthlyBudget": 100000.00}""".formatted(dept));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);

        for (String service : SERVICES) {
            HttpResponse<String> deployed = admin.api("POST", "/api/v1/departments/" + dept + "/apps",
                    "{\"name\": \"" + service + "\", \"template\": \"" + service + "\""
                            + (service.equals("permits") ? ", \"isolation\": \"process-sandboxed\"" : "") + "}");
            assertThat(deployed.statusCode()).as(service + ": " + deployed.body()).isEqualTo(202);
        }
        for (String service : SERVICES) {
            await().atMost(UP).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                String body = admin.api("GET", "/api/v1/departments/" + dept + "/apps/" + service, null).body();
                assertThat(body).as(service).contains("\"state\":\"RUNNING\"", "\"readyInstances\":1");
            });
            String route = "/apps/" + dept + "/" + service + "/";
            HttpResponse<String> home = anonymous().get(route);
            assertThat(home.statusCode()).as(service).isEqualTo(200);
            assertThat(home.body()).as(service).contains("govuk-template", "lang=\"zh-CN\"");

            // The citizen area starts a sign-in with the app's own client in the citizens realm.
            HttpResponse<String> signIn = anonymous().get(route + "oauth2/authorization/citizens");
            assertThat(signIn.statusCode()).as(service).isEqualTo(302);
            assertThat(signIn.headers().firstValue("Location").orElseThrow()).as(service)
                    .contains("/realms/govpaas-citizens/protocol/openid-connect/auth")
                    .contains("client_id=app." + dept + "." + service)
                    .contains("redirect_uri=" + baseUrl() + route + "login/oauth2/code/citizens");
        }

        // The demo citizen signs in to appointments through the gateway and is greeted by name.
        String route = baseUrl() + "/apps/" + dept + "/appointments/";
        BrowserlessLogin citizen = new BrowserlessLogin();
        URI landed = citizen.login(URI.create(route + "oauth2/authorization/citizens"), "citizen", PASSWORD,
                uri -> uri.toString().equals(route));
        assertThat(landed.toString()).isEqualTo(route);
        HttpResponse<String> greeted = citizen.send(HttpRequest.newBuilder(landed).header("Accept", "text/html").GET());
        assertThat(greeted.statusCode()).isEqualTo(200);
        assertThat(greeted.body()).contains("已登录");

        // Both read their own database through MyBatis, as started from the bean definitions made
        // when they were built (Spring AOT): a citizen's bookings, the hotline's public figures.
        HttpResponse<String> bookings = citizen.send(HttpRequest.newBuilder(URI.create(route + "my/bookings"))
                .header("Accept", "text/html").GET());
        assertThat(bookings.statusCode()).as(bookings.body()).isEqualTo(200);
        assertThat(bookings.body()).contains("govuk-template");
        HttpResponse<String> figures = anonymous().get("/apps/" + dept + "/hotline/statistics");
        assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
        assertThat(figures.body()).contains("id=\"counts\"");
    }
}
