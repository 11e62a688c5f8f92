package org.govpaas.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.govpaas.platform.chargeback.BudgetService;
import org.govpaas.platform.chargeback.RateCardService;
import org.govpaas.platform.chargeback.Rating;
import org.govpaas.platform.chargeback.StatementService;
import org.govpaas.platform.metering.Meter;
import org.govpaas.platform.testing.PlatformIntegrationTest;
import org.govpaas.platform.testing.StaffClient;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.PodOverhead;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A tier whose instances carry a pod overhead (on Kubernetes: the hypervisor tier's RuntimeClass)
 * is counted with it everywhere the platform adds up resources: the department's quota, the
 * minute's usage sample that is billed, and the deploy form's monthly estimate. The local
 * runtime here is given such an overhead (100 millicores, 200 MiB per instance) so the platform's
 * own accounting can be observed end to end.
 */
@Import(PodOverheadAccountingTest.Overhead.class)
class PodOverheadAccountingTest extends PlatformIntegrationTest {

    static final PodOverhead OVERHEAD = new PodOverhead(100, 200);

    @TestConfiguration
    static class Overhead {
        /** The real local runtime, reporting an overhead for its tiers; everything else is delegated. */
        @Bean
        @Primary
        AppRuntime runtimeWithOverhead(@Qualifier("localRuntime") AppRuntime local) {
            return (AppRuntime) Proxy.newProxyInstance(AppRuntime.class.getClassLoader(), new Class<?>[] {AppRuntime.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("overhead")) {
                            return OVERHEAD;
                        }
                        try {
                            return method.invoke(local, args);
                        } catch (InvocationTargetException e) {
                            throw e.getCause();
                        }
                    });
        }
    }

    @Autowired
    Meter meter;
    @Autowired
    BudgetService budgets;
    @Autowired
    RateCardService rateCards;
    @Autowired
    StatementService statements;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void quotaSamplesAndEstimatesCountTheOverhead() {
        StaffClient admin = as("platform-admin");
        String dept = "ovh-" + UUID.randomUUID().toString().substring(0, 6);
        assertThat(admin.api("POST", "/api/v1/departments", """
                {"code": "%s", "nameZh": "开销测试", "nameEn": "Overhead test", "maxApps": 3, "maxInstances": 10,
                 "maxMemoryMib": 1000, "monthlyBudget": 100000.00}""".formatted(dept)).statusCode()).isEqualTo(201);

        // 3 x 256 MiB fit in 1000 MiB, but 3 x (256 + 200) do not.
        HttpResponse<String> refused = admin.api("POST", "/api/v1/departments/" + dept + "/apps",
                "{\"name\": \"big\", \"template\": \"notice-board\", \"instances\": 3, \"memoryMb\": 256}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("\"field\":\"memoryMb\"", "allows 1000 MiB");

        HttpResponse<String> deployed = admin.api("POST", "/api/v1/departments/" + dept + "/apps",
                "{\"name\": \"small\", \"template\": \"notice-board\", \"instances\": 1, \"memoryMb\": 256}");
        assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(202);
        Instant minute = Instant.parse("2001-08-01T03:00:00Z");
        meter.sampleAll(minute.plusSeconds(2));
        Map<String, Object> sample = jdbc.queryForMap("select s.vcpu_millis, s.memory_mib from usage_sample s "
                + "join department d on d.id = s.department_id where d.code = ? and s.app_name = 'small' and s.minute = ?",
                dept, java.sql.Timestamp.from(minute));
        assertThat(sample).containsEntry("vcpu_millis", 250 + 100).containsEntry("memory_mib", 256 + 200);
        assertThat(admin.api("DELETE", "/api/v1/departments/" + dept + "/apps/small?purgeData=true", null).statusCode())
                .isEqualTo(202);

        YearMonth month = statements.currentMonth();
        Rating.Totals expected = Rating.monthlyEstimate(rateCards.inForce(month).orElseThrow(), month,
                IsolationTier.PROCESS.label(), 2, 256 + 200, 250 + 100);
        assertThat(budgets.estimate(IsolationTier.PROCESS.label(), 2, 256)).contains(expected);
    }
}
