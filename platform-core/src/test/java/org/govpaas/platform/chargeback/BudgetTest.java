package org.govpaas.platform.chargeback;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.YearMonth;
import java.time.ZoneId;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly budget: the deploy form shows the estimate, a deploy whose estimate takes the
 * department past its budget is refused for a developer with a field error and nothing stored,
 * and goes through for a platform admin, whose approval is in the audit log.
 */
class BudgetTest extends PlatformIntegrationTest {

    static final String DEPT = "/api/v1/departments/sme-services";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RateCardService rateCards;

    @Test
    void aDeployOverTheBudgetNeedsAPlatformAdmin() {
        YearMonth month = YearMonth.now(ZoneId.of("Asia/Shanghai"));
        Rating.Totals estimate = Rating.monthlyEstimate(rateCards.inForce(month).orElseThrow(), month, "process", 1, 256, 250);
        String form = as("platform-admin").get("/console/deploy/notice-board?dept=sme-services&lang=en").body();
        assertThat(form).contains("id=\"cost-estimate\"", "¥" + estimate.total().toPlainString() + " a month");

        String budget = as("platform-admin").api("GET", DEPT, null).body().replaceAll(".*\"monthlyBudget\":([0-9.]+).*", "$1");
        assertThat(as("platform-admin").api("PATCH", DEPT, "{\"monthlyBudget\": 10.00}").statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> approved = as("platform-admin").api("POST", DEPT + "/apps",
                    "{\"name\": \"budget-probe\", \"template\": \"notice-board\", \"instances\": 1, \"memoryMb\": 256,"
                            + " \"isolation\": \"process\", \"parameters\": {\"title\": \"Budget\"}}");
            assertThat(approved.statusCode()).as(approved.body()).isEqualTo(202);
            assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'BUDGET_OVERRUN_APPROVED' "
                    + "and actor = 'platform-admin' and detail like '%over the budget of 10.00 CNY'", Integer.class)).isOne();
            as("platform-admin").api("DELETE", DEPT + "/apps/budget-probe?purgeData=true", null);

            HttpResponse<String> status = as("it-office").api("GET", DEPT + "/budget", null);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(status.body()).contains("\"budget\":10.00");
        } finally {
            as("platform-admin").api("PATCH", DEPT, "{\"monthlyBudget\": " + budget + "}");
        }
    }

    @Test
    void aDeveloperIsRefusedWithAFieldErrorAndNothingIsStored() {
        String budget = as("platform-admin").api("GET", "/api/v1/departments/civil-affairs", null).body()
                .replaceAll(".*\"monthlyBudget\":([0-9.]+).*", "$1");
        assertThat(as("platform-admin").api("PATCH", "/api/v1/departments/civil-affairs", "{\"monthlyBudget\": 10.00}")
                .statusCode()).isEqualTo(200);
        try {
            HttpResponse<String> refused = as("dev-civil").api("POST", "/api/v1/departments/civil-affairs/apps",
                    "{\"name\": \"over-budget\", \"template\": \"notice-board\", \"instances\": 1, \"memoryMb\": 256,"
                            + " \"parameters\": {\"title\": \"Budget\"}}");
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(refused.body()).contains("\"field\":\"instances\"", "over its budget of 10.00 CNY");
            assertThat(jdbc.queryForObject("select count(*) from app where name = 'over-budget'", Integer.class)).isZero();
            String page = as("dev-civil").post("/console/deploy/notice-board?lang=en", java.util.Map.of("dept",
                    "civil-affairs", "name", "over-budget", "version", "1.0.0", "instances", "1", "memoryMb", "256",
                    "param.title", "Budget")).body();
            assertThat(page).contains("over its budget of ¥10.00");
            // A deploy that adds no cost (no instance) is still allowed.
            assertThat(as("dev-civil").api("POST", "/api/v1/departments/civil-affairs/apps",
                    "{\"name\": \"no-cost\", \"template\": \"notice-board\", \"instances\": 0,"
                            + " \"parameters\": {\"title\": \"Budget\"}}").statusCode()).isEqualTo(202);
        } finally {
            as("platform-admin").api("PATCH", "/api/v1/departments/civil-affairs", "{\"monthlyBudget\": " + budget + "}");
        }
    }
}
