package org.govpaas.platform.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.Map;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Samples are taken once per app and minute whatever repeats, are never changed afterwards, and a
 * minute without a sample shows as a gap in the usage view.
 */
class MeteringTest extends PlatformIntegrationTest {

    @Autowired
    Meter meter;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void oneSamplePerAppAndMinuteAppendOnlyAndGapsShown() {
        HttpResponse<String> created = as("platform-admin").api("POST", "/api/v1/departments/city-management/apps",
                "{\"name\": \"meter-probe\", \"template\": \"notice-board\", \"instances\": 0, \"memoryMb\": 256,"
                        + " \"parameters\": {\"title\": \"Meter\"}}");
        assertThat(created.statusCode()).as(created.body()).isIn(202, 400);
        long appId = jdbc.queryForObject("select a.id from app a join department d on d.id = a.department_id "
                + "where d.code = 'city-management' and a.name = 'meter-probe'", Long.class);

        Instant minute = Instant.parse("2001-07-01T02:00:00Z");
        assertThat(meter.sampleAll(minute.plusSeconds(1))).isPositive();
        assertThat(meter.sampleAll(minute.plusSeconds(40))).as("the same minute again").isZero();
        meter.sampleAll(minute.plusSeconds(5 * 60 + 3)); // the platform "was down" for four minutes
        assertThat(jdbc.queryForObject("select count(*) from usage_sample where app_id = ?", Integer.class, appId))
                .isEqualTo(2);
        Map<String, Object> sample = jdbc.queryForMap("select * from usage_sample where app_id = ? and minute = ?",
                appId, java.sql.Timestamp.from(minute));
        assertThat(sample).containsEntry("app_name", "meter-probe").containsEntry("instances", 0)
                .containsEntry("vcpu_millis", 0).containsEntry("requests", 0);

        assertThatThrownBy(() -> jdbc.update("update usage_sample set requests = 7 where app_id = ?", appId))
                .isInstanceOf(DataAccessException.class);
        assertThatThrownBy(() -> jdbc.update("delete from usage_sample where app_id = ?", appId))
                .isInstanceOf(DataAccessException.class);

        HttpResponse<String> usage = as("it-office").api("GET",
                "/api/v1/departments/city-management/usage?from=2001-07-01&to=2001-07-02", null);
        assertThat(usage.statusCode()).isEqualTo(200);
        assertThat(usage.body()).contains("\"app\":\"meter-probe\"", "\"minutesRecorded\":2",
                "\"from\":\"2001-07-01T02:01:00Z\"", "\"to\":\"2001-07-01T02:05:00Z\"", "\"minutes\":4");

        HttpResponse<String> backwards = as("it-office").api("GET",
                "/api/v1/departments/city-management/usage?from=2001-07-02&to=2001-07-01", null);
        assertThat(backwards.statusCode()).isEqualTo(400);
        assertThat(backwards.body()).contains("\"field\":\"to\"");
        assertThat(as("it-office").api("GET", "/api/v1/departments/city-management/usage?from=yesterday", null)
                .statusCode()).isEqualTo(400);
    }
}
