package org.govpaas.apps.hotline.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.govpaas.apps.hotline.DatabaseTest;
import org.govpaas.apps.hotline.ticket.TicketStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The public figures from a fixture with known times: exact counts, buckets and percentiles. */
class StatisticsServiceTest extends DatabaseTest {

    @Autowired
    StatisticsService statistics;

    @BeforeEach
    void fixture() {
        clock.set(NOON_IN_SHANGHAI);
        new StatisticsFixture(jdbc, NOON_IN_SHANGHAI).load();
    }

    @Test
    void lastThirtyDays() {
        Map<String, CategoryFigures> figures = byCategory(statistics.figures(Period.LAST_30_DAYS));

        CategoryFigures roads = figures.get("roads");
        assertThat(roads.byStatus()).containsEntry(TicketStatus.NEW, exactly(4))
                .containsEntry(TicketStatus.TRIAGED, exactly(0))
                .containsEntry(TicketStatus.RESOLVED, bucketed())
                .containsEntry(TicketStatus.CLOSED, exactly(3));
        assertThat(roads.resolved()).isEqualTo(exactly(5));
        assertThat(roads.medianHours()).isEqualTo(new BigDecimal("6.0"));
        assertThat(roads.percentile90Hours()).isEqualTo(new BigDecimal("21.2"));

        CategoryFigures water = figures.get("water");
        assertThat(water.byStatus()).containsEntry(TicketStatus.ASSIGNED, bucketed())
                .containsEntry(TicketStatus.CLOSED, bucketed()).containsEntry(TicketStatus.NEW, exactly(0));
        assertThat(water.resolved()).isEqualTo(bucketed());
        assertThat(water.medianHours()).isNull();
        assertThat(water.percentile90Hours()).isNull();

        CategoryFigures noise = figures.get("noise");
        assertThat(noise.byStatus().values()).containsOnly(exactly(0));
        assertThat(noise.resolved()).isEqualTo(exactly(0));

        // Reported 40 days ago, so not among the counts; resolved 10 days ago, so among the resolved.
        CategoryFigures lighting = figures.get("lighting");
        assertThat(lighting.byStatus().values()).containsOnly(exactly(0));
        assertThat(lighting.resolved()).isEqualTo(bucketed());
    }

    @Test
    void lastNinetyDays() {
        Map<String, CategoryFigures> figures = byCategory(statistics.figures(Period.LAST_90_DAYS));

        CategoryFigures noise = figures.get("noise");
        assertThat(noise.byStatus()).containsEntry(TicketStatus.CLOSED, exactly(3));
        assertThat(noise.resolved()).isEqualTo(exactly(3));
        assertThat(noise.medianHours()).isEqualTo(new BigDecimal("24.0"));
        assertThat(noise.percentile90Hours()).isEqualTo(new BigDecimal("43.2"));
        // The roads ticket from 120 days ago stays out.
        assertThat(figures.get("roads").byStatus()).containsEntry(TicketStatus.CLOSED, exactly(3));
        assertThat(figures.get("roads").resolved()).isEqualTo(exactly(5));
        assertThat(figures.get("lighting").byStatus()).containsEntry(TicketStatus.CLOSED, bucketed());
    }

    @Test
    void everyDeployedCategoryHasARowInTheParametersOrder() {
        assertThat(statistics.figures(Period.LAST_30_DAYS)).extracting(CategoryFigures::category)
                .containsExactly("roads", "water", "sanitation", "noise", "greenery", "lighting", "other");
    }

    private static Map<String, CategoryFigures> byCategory(List<CategoryFigures> figures) {
        return figures.stream().collect(java.util.stream.Collectors.toMap(CategoryFigures::category, f -> f));
    }

    private static Shown exactly(long value) {
        return new Shown(value);
    }

    private static Shown bucketed() {
        return new Shown(null);
    }
}
