package org.govpaas.apps.appointments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.govpaas.apps.kit.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The app as the platform starts it: under its route path, with probes, headers and a clear refusal of bad parameters. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "SERVER_ADDRESS=127.0.0.1", "GOVPAAS_ROUTE_PATH=/apps/civil-affairs/appointments/"})
class AppointmentsApplicationTest extends OwnDatabase {

    static final String APP = "/apps/civil-affairs/appointments/";
    static final HttpClient CLIENT = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @LocalServerPort
    int port;

    @Test
    void readinessAndLivenessAreUpUnderTheRoutePath() throws Exception {
        for (String probe : new String[] {"readiness", "liveness"}) {
            HttpResponse<String> health = get(APP + "actuator/health/" + probe);
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"");
        }
    }

    @Test
    void thePublicPageCarriesStrictHeadersAndItsStylesAreServed() throws Exception {
        HttpResponse<String> page = get(APP);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                assertThat(csp).contains("default-src 'self'", "frame-ancestors 'none'"));
        assertThat(page.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(get(APP + "css/appointments.css").statusCode()).isEqualTo(200);
        assertThat(get(APP + "js/errors.js").statusCode()).isEqualTo(200);
        assertThat(get("/").statusCode()).as("nothing outside the route path").isEqualTo(404);
    }

    @Test
    void aWrongParameterStopsStartUpNamingIt() {
        TestDatabase database = TestDatabase.create();
        assertThatThrownBy(() -> new SpringApplicationBuilder(AppointmentsApplication.class).run(
                "--server.port=0", "--spring.datasource.url=" + database.jdbcUrl(),
                "--spring.datasource.username=" + database.username(), "--spring.datasource.password=" + database.password(),
                "--GOVPAAS_PARAM_OPENING_HOURS=nine to five"))
                .rootCause().hasMessageContaining("GOVPAAS_PARAM_OPENING_HOURS must look like 09:00-17:00");
    }

    private HttpResponse<String> get(String path) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
