package org.govpaas.platform.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.govpaas.platform.metering.MeteringProperties;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The review of an issued statement through the API, as the people who do it: civil-affairs'
 * admin disputes January 2002, the IT office resolves with a credit, the statement is FINAL; the
 * CSV and PDF show it. Also bad rate cards, refused with nothing stored.
 */
class StatementReviewTest extends PlatformIntegrationTest {

    static final String PERIOD = "2002-01";
    static final String STATEMENT = "/api/v1/departments/civil-affairs/statements/" + PERIOD;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    MeteringProperties metering;

    @BeforeEach
    void issuedStatement() {
        ChargebackFixtures fixtures = new ChargebackFixtures(jdbc);
        fixtures.rateCard("2002-01-01", "0.20", "0.05", "1.00", "0.01", "0.06", "1.5");
        if (jdbc.queryForObject("select count(*) from usage_sample where app_id = 9100001", Integer.class) == 0) {
            // 31 days x 1440 minutes x 250 m = 186 vCPU-hours (37.20); x 512 MiB = 372 GiB-hours (18.60)
            fixtures.run("civil-affairs", 9100001, "registry", "process", "2002-01-01 00:00+08", "2002-02-01 00:00+08",
                    1, 250, 512, 0, 0);
        }
        as("it-office").api("POST", "/api/v1/statements/" + PERIOD + "/close", null);
        as("it-office").api("POST", "/api/v1/statements/2002-02/close", null); // priced by the card of January
    }

    @Test
    void theDepartmentDisputesAndTheItOfficeResolvesWithACredit() throws Exception {
        JsonNode issued = json(as("it-office").api("GET", STATEMENT, null));
        if (!issued.get("status").asText().equals("ISSUED")) {
            return; // already reviewed by an earlier run of this method in the same database
        }
        assertThat(issued.get("total").decimalValue()).isEqualByComparingTo("59.15"); // 55.80 + 3.348 tax
        assertThat(as("dev-civil").api("POST", STATEMENT + "/approve", "{}").statusCode()).isEqualTo(403);
        assertThat(as("admin-civil").api("POST", "/api/v1/departments/health/statements/" + PERIOD + "/approve", "{}")
                .statusCode()).isEqualTo(404);
        HttpResponse<String> noReason = as("admin-civil").api("POST", STATEMENT + "/dispute", "{\"comment\": \"  \"}");
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("\"field\":\"comment\"");
        assertThat(as("it-office").api("POST", STATEMENT + "/resolve", "{\"amount\": -10}").statusCode())
                .as("nothing to resolve before a dispute").isEqualTo(400);

        JsonNode disputed = json(as("admin-civil").api("POST", STATEMENT + "/dispute",
                "{\"comment\": \"registry was stopped on 20 January\"}"));
        assertThat(disputed.get("status").asText()).isEqualTo("DISPUTED");
        assertThat(as("admin-civil").api("POST", STATEMENT + "/approve", "{}").statusCode()).isEqualTo(400);

        HttpResponse<String> tooPrecise = as("it-office").api("POST", STATEMENT + "/resolve", "{\"amount\": -10.005}");
        assertThat(tooPrecise.statusCode()).isEqualTo(400);
        assertThat(tooPrecise.body()).contains("\"field\":\"amount\"");
        JsonNode resolved = json(as("it-office").api("POST", STATEMENT + "/resolve",
                "{\"amount\": -10.00, \"comment\": \"credit for 20-31 January\"}"));
        assertThat(resolved.get("status").asText()).isEqualTo("FINAL");
        assertThat(resolved.get("subtotal").decimalValue()).isEqualByComparingTo("45.80");
        assertThat(resolved.get("tax").decimalValue()).isEqualByComparingTo("2.75"); // 2.748
        assertThat(resolved.get("total").decimalValue()).isEqualByComparingTo("48.55");
        assertThat(resolved.get("issuedTotal").decimalValue()).isEqualByComparingTo("59.15");
        assertThat(as("it-office").api("POST", STATEMENT + "/resolve", "{\"amount\": -1}").statusCode()).isEqualTo(400);

        assertThat(jdbc.queryForList("select actor || ' ' || action from audit_event where detail like ? order by id",
                String.class, PERIOD + "%")).contains("admin-civil STATEMENT_DISPUTED", "it-office STATEMENT_RESOLVED");

        String csv = new String(download("civil-affairs", "csv"), StandardCharsets.UTF_8);
        List<String> rows = csv.lines().toList();
        assertThat(rows.get(0)).isEqualTo(StatementCsv.HEADER);
        assertThat(rows).contains(
                // used: the fixture's instances used a quarter of their vCPU (46.5 of 186 hours)
                "civil-affairs,2002-01,FINAL,registry,process,VCPU,186.000000,vCPU-hour,0.2000,1.000,37.20,46.500000,",
                "civil-affairs,2002-01,FINAL,,,ADJUSTMENT,1.000000,adjustment,0.0000,1.000,-10.00,,credit for 20-31 January",
                "civil-affairs,2002-01,FINAL,,,TOTAL,,,,,48.55,,");

        byte[] pdf = download("civil-affairs", "pdf");
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
        // The API speaks the platform's default language, Chinese, unless the caller picked another.
        assertThat(text).contains("民政局", "civil-affairs", "2002-01", "已确定", "registry", "37.20",
                "-10.00", "45.80", "2.75", "48.55");
    }

    @Test
    void theConsoleShowsWhenAStatementWasIssuedInTheCitysTime() throws Exception {
        // The build machines run in UTC, 8 hours from the city's default zone, Asia/Shanghai.
        Instant issuedAt = Instant.parse(json(as("it-office").api("GET", STATEMENT, null)).get("issuedAt").asText());
        String cityTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(issuedAt.atZone(metering.zone()));
        HttpResponse<String> page = as("it-office").get("/console/departments/civil-affairs/statements/" + PERIOD);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(cityTime + " · it-office");
    }

    @Test
    void badRateCardsAreRefusedAndNothingIsStored() {
        int before = jdbc.queryForObject("select count(*) from rate_card", Integer.class);
        String valid = "\"vcpuHour\": 0.2, \"memoryGibHour\": 0.05, \"storageGibMonth\": 1, \"thousandRequests\": 0.01, "
                + "\"taxRate\": 0.06";
        assertRefused("{\"validFrom\": \"2002-01-01\", " + valid + "}", "validFrom"); // overlaps the card of 2002-01
        assertRefused("{\"validFrom\": \"2098-02-15\", " + valid + "}", "validFrom");
        assertRefused("{\"validFrom\": \"2098-02-01\", " + valid.replace("0.2,", "-0.2,") + "}", "vcpuHour");
        assertRefused("{\"validFrom\": \"2098-02-01\", " + valid.replace("0.06", "1.5") + "}", "taxRate");
        assertRefused("{\"validFrom\": \"2098-02-01\", " + valid + ", \"tierMultipliers\": {\"hypervisor\": 0}}",
                "tierMultipliers");
        assertRefused("{\"validFrom\": \"2002-02-01\", " + valid + "}", "validFrom"); // a closed month
        assertThat(as("it-office").api("POST", "/api/v1/rate-cards", "{\"validFrom\": \"2098-02-01\", " + valid + "}")
                .statusCode()).isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from rate_card", Integer.class)).isEqualTo(before);
    }

    private void assertRefused(String card, String field) {
        HttpResponse<String> response = as("platform-admin").api("POST", "/api/v1/rate-cards", card);
        assertThat(response.statusCode()).as(card).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"" + field + "\"");
    }

    private byte[] download(String dept, String type) throws Exception {
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(baseUrl() + "/api/v1/departments/" + dept + "/statements/" + PERIOD + "." + type))
                .header("Authorization", "Bearer " + as("admin-civil").accessToken())
                .header("Accept-Language", "en").build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElse(""))
                .contains("statement-" + dept + "-" + PERIOD + "." + type);
        return response.body();
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return StatementTimelineTest.JSON.readTree(response.body());
    }
}
