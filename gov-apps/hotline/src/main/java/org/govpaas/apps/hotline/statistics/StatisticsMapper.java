package org.govpaas.apps.hotline.statistics;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.govpaas.apps.hotline.ticket.TicketStatus;

/** Aggregates only: no statement here returns a ticket. SQL in StatisticsMapper.xml. */
@Mapper
// Public only for the bean registrations Spring AOT generates at build time, in another package.
public interface StatisticsMapper {

    record StatusCount(String category, TicketStatus status, long count) {
    }

    /** Percentiles by linear interpolation between the nearest ranks (PostgreSQL percentile_cont). */
    record ResolutionTimes(String category, long resolved, double medianSeconds, double percentile90Seconds) {
    }

    List<StatusCount> countsReportedSince(Instant since);

    List<ResolutionTimes> resolutionTimesSince(Instant since);
}
