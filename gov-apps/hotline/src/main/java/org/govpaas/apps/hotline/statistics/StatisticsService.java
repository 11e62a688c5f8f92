package org.govpaas.apps.hotline.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govpaas.apps.hotline.Choices;
import org.govpaas.apps.hotline.HotlineChoices;
import org.govpaas.apps.hotline.ticket.TicketStatus;
import org.springframework.stereotype.Service;

/**
 * Computes the public figures. Every deploy-time category gets a row (all zeros is a figure too),
 * plus any category code still found on tickets after a redeploy dropped it.
 */
@Service
public class StatisticsService {

    private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);

    private final StatisticsMapper mapper;
    private final Choices categories;
    private final Clock clock;

    StatisticsService(StatisticsMapper mapper, HotlineChoices choices, Clock clock) {
        this.mapper = mapper;
        this.categories = choices.categories();
        this.clock = clock;
    }

    public List<CategoryFigures> figures(Period period) {
        Instant since = clock.instant().minus(Duration.ofDays(period.days()));
        Map<String, Map<TicketStatus, Long>> counts = new HashMap<>();
        for (StatisticsMapper.StatusCount row : mapper.countsReportedSince(since)) {
            counts.computeIfAbsent(row.category(), c -> new EnumMap<>(TicketStatus.class)).put(row.status(), row.count());
        }
        Map<String, StatisticsMapper.ResolutionTimes> times = new HashMap<>();
        mapper.resolutionTimesSince(since).forEach(row -> times.put(row.category(), row));

        Set<String> codes = new LinkedHashSet<>();
        categories.all().forEach(c -> codes.add(c.code()));
        codes.addAll(counts.keySet());
        codes.addAll(times.keySet());
        List<CategoryFigures> figures = new ArrayList<>();
        for (String code : codes) {
            Map<TicketStatus, Shown> byStatus = new EnumMap<>(TicketStatus.class);
            for (TicketStatus status : TicketStatus.values()) {
                byStatus.put(status, Shown.of(counts.getOrDefault(code, Map.of()).getOrDefault(status, 0L)));
            }
            StatisticsMapper.ResolutionTimes time = times.get(code);
            long resolved = time == null ? 0 : time.resolved();
            boolean enough = resolved >= Shown.THRESHOLD;
            figures.add(new CategoryFigures(code, byStatus, Shown.of(resolved),
                    enough ? hours(time.medianSeconds()) : null,
                    enough ? hours(time.percentile90Seconds()) : null));
        }
        return figures;
    }

    private static BigDecimal hours(double seconds) {
        return BigDecimal.valueOf(seconds).divide(SECONDS_PER_HOUR, 1, RoundingMode.HALF_UP);
    }
}
