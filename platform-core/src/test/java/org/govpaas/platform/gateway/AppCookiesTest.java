package org.govpaas.platform.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** An app's cookies stay under its own route: apps share the platform's host name. */
class AppCookiesTest {

    static final String ROUTE = "/apps/health/clinic/";

    @Test
    void aCookieWithoutPathOrWithARootPathIsConfinedToTheRoute() {
        assertThat(AppHeaders.confined("SESSION=abc; HttpOnly", ROUTE)).isEqualTo("SESSION=abc; HttpOnly; Path=" + ROUTE);
        assertThat(AppHeaders.confined("SESSION=abc; Path=/; Secure", ROUTE)).isEqualTo("SESSION=abc; Path=" + ROUTE + "; Secure");
        assertThat(AppHeaders.confined("x=1; Path=/apps/health/other/", ROUTE)).isEqualTo("x=1; Path=" + ROUTE);
        assertThat(AppHeaders.confined("x=1; Path=/apps/health/clinic/../other", ROUTE)).isEqualTo("x=1; Path=" + ROUTE);
    }

    @Test
    void aDomainIsDroppedAndAPathInsideTheRouteIsKept() {
        assertThat(AppHeaders.confined("x=1; Domain=example.gov; Path=/apps/health/clinic/admin; SameSite=Lax", ROUTE))
                .isEqualTo("x=1; Path=/apps/health/clinic/admin; SameSite=Lax");
        assertThat(AppHeaders.confined("x=1; Path=/apps/health/clinic", ROUTE)).isEqualTo("x=1; Path=/apps/health/clinic");
    }
}
