package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import org.junit.jupiter.api.Test;

/**
 * Header names are case-insensitive (RFC 9110, 5.1): the rules hold however a citizen or an app
 * spells them, on Netty's headers as the front server has them (spelled as sent).
 */
class AppHeaderNamesTest {

    static final String ROUTE = "/apps/health/clinic/";
    static final AppHeaders.Citizen CITIZEN = new AppHeaders.Citizen("203.0.113.9", "https", "city.example.gov", 443);

    @Test
    void theCitizensSessionHopByHopHeadersAndForwardedClaimsStayAtTheGatewayInAnySpelling() {
        HttpHeaders citizen = new DefaultHttpHeaders()
                .add("COOKIE", "GOVPAAS_SESSION=staff; lang=en")
                .add("cookie", "GOVPAAS_SESSION=again")
                .add("Connection", "X-Secret, keep-alive")
                .add("x-SECRET", "1")
                .add("TE", "trailers")
                .add("X-FORWARDED-FOR", "6.6.6.6")
                .add("x-forwarded-proto", "http")
                .add("FORWARDED", "for=6.6.6.6")
                .add("HOST", "elsewhere.example")
                .add("Accept", "text/html");
        HttpHeaders toApp = new DefaultHttpHeaders();

        AppHeaders.towardsApp(citizen, citizen.getAll(HttpHeaderNames.CONNECTION), toApp::add, CITIZEN, ROUTE,
                "GOVPAAS_SESSION");

        assertThat(toApp.getAll("Cookie")).containsExactly("lang=en");
        assertThat(toApp.names()).doesNotContain("x-SECRET", "TE", "Connection", "FORWARDED", "HOST");
        assertThat(toApp.getAll("X-Forwarded-For")).containsExactly("203.0.113.9");
        assertThat(toApp.getAll("X-Forwarded-Proto")).containsExactly("https");
        assertThat(toApp.getAll("X-Forwarded-Host")).containsExactly("city.example.gov");
        assertThat(toApp.get("Accept")).isEqualTo("text/html");
        assertThat(toApp.contains("Host")).isFalse();
    }

    @Test
    void anAppCannotSetTheSessionNorReachBeyondItsRouteInAnySpelling() {
        HttpHeaders app = new DefaultHttpHeaders()
                .add("SET-COOKIE", "GOVPAAS_SESSION=forged; Path=/")
                .add("set-cookie", "booking=1; Domain=example.gov; Path=/")
                .add("CLEAR-SITE-DATA", "\"cookies\"")
                .add("cross-origin-OPENER-policy", "same-origin")
                .add("SERVICE-WORKER-ALLOWED", "/")
                .add("connection", "X-Internal")
                .add("x-internal", "debug")
                .add("Content-Type", "text/html");
        HttpHeaders toCitizen = new DefaultHttpHeaders();

        AppHeaders.fromApp(app, app.getAll(HttpHeaderNames.CONNECTION), toCitizen::add, "GOVPAAS_SESSION", ROUTE);

        assertThat(toCitizen.getAll("Set-Cookie")).containsExactly("booking=1; Path=" + ROUTE);
        assertThat(toCitizen.names()).containsExactlyInAnyOrder("set-cookie", "Content-Type", "Cross-Origin-Opener-Policy");
        assertThat(toCitizen.getAll("Cross-Origin-Opener-Policy")).as("the platform's, not the app's")
                .containsExactly(AppHeaders.OPENER_POLICY);
    }
}
