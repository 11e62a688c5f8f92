package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** Apps share the console's origin: an app's answer cannot carry what would reach beyond the app. */
class AppOriginHeadersTest {

    static final String ROUTE = "/apps/health/clinic/";

    @Test
    void anAppCannotShareTheConsolesWindowsNorClearTheOriginNorWidenItsServiceWorkerNorBindTheHost() {
        HttpHeaders app = new HttpHeaders();
        app.add("Content-Type", "text/html");
        app.add("Cross-Origin-Opener-Policy", "same-origin");
        app.add("Clear-Site-Data", "\"cookies\", \"storage\"");
        app.add("Service-Worker-Allowed", "/");
        app.add("NEL", "{\"report_to\": \"x\", \"max_age\": 31536000, \"success_fraction\": 1.0}");
        app.add("Report-To", "{\"group\": \"x\", \"max_age\": 31536000, \"endpoints\": [{\"url\": \"https://evil.example/r\"}]}");
        app.add("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
        app.add("Alt-Svc", "h3=\":443\"; ma=86400");
        HttpHeaders citizen = new HttpHeaders();
        AppHeaders.fromApp(app, citizen, "GOVPAAS_SESSION", ROUTE);
        assertThat(citizen.headerNames()).containsExactly("Content-Type", "Cross-Origin-Opener-Policy");
        assertThat(citizen.get("Cross-Origin-Opener-Policy")).as("the platform's policy, not the app's")
                .containsExactly("noopener-allow-popups");
    }

    @Test
    void aServiceWorkerMayWidenItsScopeWithinTheAppsRouteOnly() {
        for (String scope : new String[] {"/apps/health/clinic/", "/apps/health/clinic/booking/"}) {
            assertThat(fromApp("Service-Worker-Allowed", scope).getFirst("Service-Worker-Allowed")).isEqualTo(scope);
        }
        // Read by the browser as an address: %2e%2e and a backslash leave the route; a scope
        // without the final slash would also cover /apps/health/clinic-records/.
        for (String scope : new String[] {"/apps/health/", "/apps/health/clinic/../other/", "/console/",
                "/apps/health/clinic/%2e%2e/%2e%2e/%2e%2e/", "/apps/health/clinic/..\\..\\", "/apps/health/clinic"}) {
            assertThat(fromApp("Service-Worker-Allowed", scope).containsHeader("Service-Worker-Allowed")).as(scope).isFalse();
        }
    }

    private static HttpHeaders fromApp(String name, String value) {
        HttpHeaders app = new HttpHeaders();
        app.add(name, value);
        HttpHeaders citizen = new HttpHeaders();
        AppHeaders.fromApp(app, citizen, "GOVPAAS_SESSION", ROUTE);
        return citizen;
    }
}
