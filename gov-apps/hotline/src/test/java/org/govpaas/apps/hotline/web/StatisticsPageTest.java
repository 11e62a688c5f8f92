package org.govpaas.apps.hotline.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.List;
import org.govpaas.apps.hotline.statistics.StatisticsFixture;
import org.govpaas.identity.testing.BrowserlessLogin;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The public page, read by an anonymous visitor, shows the fixture's figures exactly and nothing personal. */
class StatisticsPageTest extends HotlineAppTest {

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void fixture() {
        new StatisticsFixture(jdbc, Instant.now()).load();
    }

    @Test
    void lastThirtyDaysInChinese() {
        Document page = page("statistics?lang=zh-CN");

        assertThat(page.select("#period-30").attr("aria-current")).isEqualTo("page");
        assertThat(page.select("#promise").text()).isEqualTo("我们的承诺：每件诉求在 48 小时内办结。");
        assertThat(counts(page, "roads")).containsExactly("4", "0", "0", "少于 3", "3");
        assertThat(counts(page, "water")).containsExactly("0", "0", "少于 3", "0", "少于 3");
        assertThat(counts(page, "noise")).containsExactly("0", "0", "0", "0", "0");
        assertThat(times(page, "roads")).containsExactly("5", "6.0", "21.2");
        assertThat(times(page, "water")).containsExactly("少于 3", "数量太少，不予显示");
        assertThat(times(page, "lighting")).containsExactly("少于 3", "数量太少，不予显示");
        assertThat(times(page, "noise")).containsExactly("0", "数量太少，不予显示");
    }

    @Test
    void lastNinetyDaysInEnglish() {
        Document page = page("statistics?days=90&lang=en");

        assertThat(page.select("#period-90").attr("aria-current")).isEqualTo("page");
        assertThat(page.select("#counts-noise th").text()).isEqualTo("Noise");
        assertThat(counts(page, "noise")).containsExactly("0", "0", "0", "0", "3");
        assertThat(counts(page, "lighting")).containsExactly("0", "0", "0", "0", "fewer than 3");
        assertThat(times(page, "noise")).containsExactly("3", "24.0", "43.2");
        assertThat(times(page, "roads")).containsExactly("5", "6.0", "21.2");
    }

    @Test
    void noDescriptionAddressOrNameIsEverShown() {
        for (String path : List.of("statistics", "statistics?days=90", "statistics?days=90&lang=en", "")) {
            String html = new BrowserlessLogin().send(HttpRequest.newBuilder(URI.create(APP_URL + path)).GET()).body();
            assertThat(html).as(path).doesNotContain(StatisticsFixture.SECRET_ADDRESS, StatisticsFixture.SECRET_DESCRIPTION,
                    "张三", "12345-FIXTURE");
        }
    }

    @Test
    void anUnknownPeriodShowsTheLastThirtyDays() {
        assertThat(page("statistics?days=7").select("#period-30").attr("aria-current")).isEqualTo("page");
        assertThat(page("statistics?days=%3Cscript%3E").select("#period-30").attr("aria-current")).isEqualTo("page");
    }

    private static Document page(String path) {
        var response = new BrowserlessLogin().send(HttpRequest.newBuilder(URI.create(APP_URL + path)).GET());
        assertThat(response.statusCode()).isEqualTo(200);
        return Jsoup.parse(response.body());
    }

    /** The status cells of a category's row: new, triaged, assigned, resolved, closed. */
    private static List<String> counts(Document page, String category) {
        return page.select("#counts-" + category + " td").eachText();
    }

    private static List<String> times(Document page, String category) {
        return page.select("#times-" + category + " td").eachText();
    }
}
