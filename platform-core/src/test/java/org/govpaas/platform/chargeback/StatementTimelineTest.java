package org.govpaas.platform.chargeback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Timelines with exact expectations, worked out by hand below, through the public API: an app
 * deleted mid-month, a tier change mid-month, a new rate card from the 1st of the next month, tax;
 * then the close and the invariants of issued statements.
 *
 * <p>Card of 2001-01: vCPU-hour 0.20, GiB-hour 0.05, GiB-month 1.00, 1000 requests 0.01, tax 6 %,
 * hypervisor x1.5. Card of 2001-03: vCPU-hour 0.30, GiB-hour 0.06, tax 9 %.
 */
class StatementTimelineTest extends PlatformIntegrationTest {

    static final String DEPT = "civil-affairs";
    /** Amounts as written ("12.00"), not as doubles. */
    static final ObjectMapper JSON = new ObjectMapper()
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .setNodeFactory(com.fasterxml.jackson.databind.node.JsonNodeFactory.withExactBigDecimals(true));

    @Autowired
    JdbcTemplate jdbc;

    @BeforeEach
    void timeline() {
        ChargebackFixtures fixtures = new ChargebackFixtures(jdbc);
        fixtures.rateCard("2001-01-01", "0.20", "0.05", "1.00", "0.01", "0.06", "1.5");
        fixtures.rateCard("2001-03-01", "0.30", "0.06", "1.00", "0.01", "0.09", "1.5");
        if (jdbc.queryForObject("select count(*) from usage_sample where app_id = 9000001", Integer.class) > 0) {
            return;
        }
        // alpha: 1 instance, 250 m, 512 MiB, 1 GiB stored, 2 requests a minute; deleted on 11 January.
        fixtures.run(DEPT, 9000001, "alpha", "process", "2001-01-01 00:00+08", "2001-01-11 00:00+08", 1, 250, 512,
                1L << 30, 2);
        // beta: 2 instances (500 m, 1 GiB), process until 16 January, then hypervisor.
        fixtures.run(DEPT, 9000002, "beta", "process", "2001-01-01 00:00+08", "2001-01-16 00:00+08", 2, 500, 1024, 0, 0);
        fixtures.run(DEPT, 9000002, "beta", "hypervisor", "2001-01-16 00:00+08", "2001-02-01 00:00+08", 2, 500, 1024, 0, 0);
        // gamma: 15 February to 15 March, across the change of rate card on 1 March.
        fixtures.run(DEPT, 9000003, "gamma", "process", "2001-02-15 00:00+08", "2001-03-15 00:00+08", 1, 250, 256, 0, 0);
    }

    StaffClient itOffice() {
        return as("it-office");
    }

    JsonNode statement(String period) throws Exception {
        HttpResponse<String> response = itOffice().api("GET", "/api/v1/departments/" + DEPT + "/statements/" + period, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    static List<String> lines(JsonNode statement) {
        List<String> lines = new ArrayList<>();
        statement.get("lines").forEach(l -> lines.add(l.get("app").asText() + " " + l.get("isolation").asText() + " "
                + l.get("component").asText() + " " + l.get("quantity").decimalValue().stripTrailingZeros().toPlainString()
                + " x " + l.get("rate").decimalValue().stripTrailingZeros().toPlainString()
                + " x " + l.get("multiplier").decimalValue().stripTrailingZeros().toPlainString()
                + " = " + l.get("amount").decimalValue().toPlainString()));
        return lines;
    }

    @Test
    void januaryHasTheDeletedAppAndBothTiersAtExactAmounts() throws Exception {
        JsonNode january = statement("2001-01");
        assertThat(lines(january)).containsExactlyInAnyOrder(
                // 14,400 minutes x 250 m = 60 vCPU-hours; x 512 MiB = 120 GiB-hours
                "alpha process VCPU 60 x 0.2 x 1 = 12.00",
                "alpha process MEMORY 120 x 0.05 x 1 = 6.00",
                // 14,400 GiB-minutes / 44,640 minutes in January = 0.322581 GiB-months: 0.3226 rounds to 0.32
                "alpha process STORAGE 0.322581 x 1 x 1 = 0.32",
                // 28,800 requests: 28.8 thousand x 0.01 = 0.288 rounds half up to 0.29
                "alpha process REQUESTS 28.8 x 0.01 x 1 = 0.29",
                // 21,600 minutes x 500 m = 180 vCPU-hours; x 1024 MiB = 360 GiB-hours
                "beta process VCPU 180 x 0.2 x 1 = 36.00",
                "beta process MEMORY 360 x 0.05 x 1 = 18.00",
                // 23,040 minutes on hypervisor: 192 vCPU-hours x 0.2 x 1.5; 384 GiB-hours x 0.05 x 1.5
                "beta hypervisor VCPU 192 x 0.2 x 1.5 = 57.60",
                "beta hypervisor MEMORY 384 x 0.05 x 1.5 = 28.80");
        assertThat(january.get("subtotal").decimalValue()).isEqualByComparingTo("159.01");
        assertThat(january.get("tax").decimalValue()).isEqualByComparingTo("9.54"); // 9.5406
        assertThat(january.get("total").decimalValue()).isEqualByComparingTo("168.55");
    }

    @Test
    void aNewRateCardAppliesFromThe1stOfItsMonth() throws Exception {
        JsonNode february = statement("2001-02");
        // 15 to 28 February: 20,160 minutes = 84 vCPU-hours and 84 GiB-hours (256 MiB) at the January card
        assertThat(lines(february)).containsExactlyInAnyOrder(
                "gamma process VCPU 84 x 0.2 x 1 = 16.80", "gamma process MEMORY 84 x 0.05 x 1 = 4.20");
        assertThat(february.get("total").decimalValue()).isEqualByComparingTo("22.26"); // 21.00 + 1.26
        JsonNode march = statement("2001-03");
        assertThat(lines(march)).containsExactlyInAnyOrder(
                "gamma process VCPU 84 x 0.3 x 1 = 25.20", "gamma process MEMORY 84 x 0.06 x 1 = 5.04");
        assertThat(march.get("tax").decimalValue()).isEqualByComparingTo("2.72"); // 30.24 x 9 % = 2.7216
        assertThat(march.get("total").decimalValue()).isEqualByComparingTo("32.96");
    }

    @Test
    void closingIssuesImmutableStatementsOnceAndEverySampleIsBilledOnce() throws Exception {
        HttpResponse<String> first = itOffice().api("POST", "/api/v1/statements/2001-01/close", null);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        JsonNode issued = statement("2001-01");
        assertThat(issued.get("status").asText()).isIn("ISSUED", "DISPUTED", "FINAL");
        assertThat(issued.get("total").decimalValue()).isEqualByComparingTo("168.55");

        String before = snapshot();
        HttpResponse<String> second = itOffice().api("POST", "/api/v1/statements/2001-01/close", null);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(second.body()).get("closedNow").asBoolean()).isFalse();
        assertThat(snapshot()).as("a second close changes nothing").isEqualTo(before);

        // Lines sum to the subtotal, the tax is the subtotal's, no amount is negative.
        for (Map<String, Object> s : jdbc.queryForList("select id, subtotal, tax, total, tax_rate from statement where period = '2001-01'")) {
            BigDecimal sum = jdbc.queryForObject("select coalesce(sum(amount), 0) from statement_line where statement_id = ?",
                    BigDecimal.class, s.get("id"));
            assertThat(sum).isEqualByComparingTo((BigDecimal) s.get("subtotal"));
            assertThat(((BigDecimal) s.get("subtotal")).multiply((BigDecimal) s.get("tax_rate"))
                    .setScale(2, java.math.RoundingMode.HALF_UP)).isEqualByComparingTo((BigDecimal) s.get("tax"));
        }
        assertThat(jdbc.queryForObject("select count(*) from statement_line where amount < 0 and component <> 'ADJUSTMENT'",
                Integer.class)).isZero();
        // Every sample of the month is in exactly one line: billed vCPU-hours equal the samples' millicore-minutes.
        BigDecimal billed = jdbc.queryForObject("""
                select sum(l.quantity) from statement_line l join statement s on s.id = l.statement_id
                 where s.period = '2001-01' and l.component = 'VCPU' and l.app_id between 9000001 and 9000003""", BigDecimal.class);
        BigDecimal sampled = jdbc.queryForObject("""
                select sum(vcpu_millis) / 60000.0 from usage_sample where app_id between 9000001 and 9000003
                   and minute >= '2001-01-01 00:00+08' and minute < '2001-02-01 00:00+08'""", BigDecimal.class);
        assertThat(billed).isEqualByComparingTo(sampled);

        // The database refuses every change of what was issued, whoever asks.
        assertRefused("update statement set total = 0 where period = '2001-01'");
        assertRefused("delete from statement where period = '2001-01'");
        assertRefused("update statement_line set amount = 0 where app_id = 9000001");
        assertRefused("delete from statement_line where app_id = 9000001");
        assertRefused("""
                insert into statement_line (statement_id, department_id, component, quantity, unit, rate, multiplier, amount)
                select id, department_id, 'VCPU', 1, 'vCPU-hour', 1, 1, 1 from statement where period = '2001-01' limit 1""");
        assertRefused("update usage_sample set vcpu_millis = 0 where app_id = 9000001");
        assertRefused("delete from closed_month where period = '2001-01'");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void monthsThatHaveNotEndedOrAreMalformedCannotBeClosed() {
        String current = java.time.YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        HttpResponse<String> now = itOffice().api("POST", "/api/v1/statements/" + current + "/close", null);
        assertThat(now.statusCode()).isEqualTo(400);
        assertThat(now.body()).contains("\"field\":\"period\"", "has not ended");
        assertThat(itOffice().api("POST", "/api/v1/statements/2001-13/close", null).statusCode()).isEqualTo(400);
        assertThat(as("dev-civil").api("POST", "/api/v1/statements/2001-02/close", null).statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from closed_month where period in (?, '2001-02')", Integer.class,
                current)).isZero();
    }

    private void assertRefused(String sql) {
        assertThatThrownBy(() -> jdbc.update(sql)).as(sql).isInstanceOf(DataAccessException.class);
    }

    private String snapshot() {
        return jdbc.queryForList("select * from statement where period = '2001-01' order by id").toString()
                + jdbc.queryForList("select l.* from statement_line l join statement s on s.id = l.statement_id "
                + "where s.period = '2001-01' order by l.id")
                + jdbc.queryForList("select * from closed_month where period = '2001-01'");
    }
}
