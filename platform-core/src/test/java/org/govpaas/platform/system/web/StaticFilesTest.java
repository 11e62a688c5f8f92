package org.govpaas.platform.system.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Pattern;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.Test;

/**
 * Every stylesheet and script a page links is served with its type, webjars under their version
 * (a new version is a new URL, so no browser keeps the old file), and nothing else is a file:
 * {@link StaticFilesConfiguration} maps only the folders the pages use.
 */
class StaticFilesTest extends PlatformIntegrationTest {

    static final Pattern LINKED = Pattern.compile("(?:<link rel=\"stylesheet\" href|<script[^>]* src)=\"([^\"]+)\"");

    @Test
    void thePortalsFilesAreServed() {
        List<String> files = linked(anonymous().get("/").body());
        assertThat(files).contains("/css/govpaas.css", "/js/govpaas.js")
                .anyMatch(f -> f.matches("/webjars/govuk-frontend/\\d+\\.\\d+\\.\\d+/dist/govuk/govuk-frontend\\.min\\.css"));
        assertServed(anonymous(), files);
    }

    @Test
    void theChargebackDashboardsChartScriptsAreServed() {
        StaffClient itOffice = as("it-office");
        HttpResponse<String> dashboard = itOffice.get("/console/chargeback");
        assertThat(dashboard.statusCode()).isEqualTo(200);
        List<String> files = linked(dashboard.body());
        assertThat(files).contains("/js/chargeback.js")
                .anyMatch(f -> f.matches("/webjars/chart\\.js/\\d+\\.\\d+\\.\\d+/dist/chart\\.umd\\.js"));
        assertServed(itOffice, files);
    }

    @Test
    void resourcesThatAreNotPublicFilesAreNotServed() {
        for (String path : List.of("/application.yml", "/messages.properties", "/templates/portal/index.html",
                "/static/css/govpaas.css", "/css/../application.yml")) {
            // 404, 400 for a path the firewall refuses, or the sign-in page for an unknown path.
            assertThat(anonymous().get(path).statusCode()).as(path).isIn(302, 400, 404);
        }
    }

    private static List<String> linked(String page) {
        return LINKED.matcher(page).results().map(m -> m.group(1)).toList();
    }

    private static void assertServed(StaffClient client, List<String> files) {
        for (String file : files) {
            HttpResponse<String> response = client.get(file);
            assertThat(response.statusCode()).as(file).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).as(file)
                    .matches(file.endsWith(".css") ? "text/css.*" : "(text|application)/javascript.*");
            assertThat(response.body()).as(file).isNotBlank();
        }
    }
}
