package org.govpaas.platform.metering.internal;

import java.time.Instant;
import java.util.List;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.govpaas.platform.metering.AppUsageSummary;
import org.govpaas.platform.metering.UsageGap;
import org.govpaas.platform.metering.UsageSample;

/** Usage samples; every read filters on {@code department_id}. */
@Mapper
public interface UsageMapper {

    /** Inserts the sample unless one exists for that app and minute; returns the rows inserted (0 or 1). */
    int insert(UsageSample sample);

    /**
     * Bytes of the app's databases that are not purged (the database service's table is read, not
     * changed; a database not created yet counts nothing).
     */
    long databaseBytes(@Param("departmentId") long departmentId, @Param("appId") long appId);

    List<AppUsageSummary> summarize(@Param("departmentId") long departmentId, @Param("from") Instant from,
                                    @Param("to") Instant to);

    /** Runs of missing minutes between two samples of one app, newest first. */
    List<UsageGap> gaps(@Param("departmentId") long departmentId, @Param("from") Instant from,
                        @Param("to") Instant to, @Param("limit") int limit);
}
