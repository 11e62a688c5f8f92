package org.govpaas.platform.demo;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.provisioning.KeycloakProvisioning;
import org.govpaas.identity.provisioning.NewUser;
import org.govpaas.identity.provisioning.ProvisioningProperties;
import org.govpaas.platform.chargeback.RateCardDraft;
import org.govpaas.platform.chargeback.RateCardService;
import org.govpaas.platform.department.DepartmentDraft;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Creates the demo departments of the design brief through the same service an admin uses, and
 * the demo accounts in Keycloak. Idempotent; when Keycloak is not up yet it retries until it is.
 */
@Component
@Profile("local")
class DemoData implements AutoCloseable {

    static final String PASSWORD = "govpaas-demo";
    private static final Logger log = LoggerFactory.getLogger(DemoData.class);
    private static final Caller SYSTEM = new Caller("demo-data", "Demo data", Set.of(Caller.PLATFORM_ADMIN), Map.of());

    private static final List<DepartmentDraft> DEPARTMENTS = List.of(
            new DepartmentDraft("civil-affairs", "民政局", "Civil Affairs Bureau", 20, 40, 32768, new BigDecimal("20000.00")),
            new DepartmentDraft("health", "卫生健康委员会", "Health Commission", 20, 40, 32768, new BigDecimal("30000.00")),
            new DepartmentDraft("city-management", "城市管理局", "City Management Bureau", 10, 20, 16384, new BigDecimal("15000.00")),
            new DepartmentDraft("sme-services", "中小企业服务中心", "SME Service Center", 10, 20, 16384, new BigDecimal("10000.00")));

    private static final List<NewUser> STAFF = List.of(
            // Given name, family name: shown family name first (KeycloakClaims.displayName), 平台管理员.
            staff("platform-admin", "管理员", "平台", List.of(Caller.PLATFORM_ADMIN), List.of()),
            staff("it-office", "办公室", "信息化", List.of(Caller.IT_OFFICE), List.of()),
            staff("dev-civil", "开发者", "民政", List.of(), List.of("/departments/civil-affairs/developer")),
            staff("dev-health", "开发者", "卫健", List.of(), List.of("/departments/health/developer")),
            staff("staff-civil", "工作人员", "民政", List.of(), List.of("/departments/civil-affairs/staff")),
            staff("admin-civil", "部门管理员", "民政", List.of(), List.of("/departments/civil-affairs/department-admin")));

    /** Prices to start with (CNY), from a month in the past so every demo month is priced. */
    static final RateCardDraft RATE_CARD = new RateCardDraft(java.time.LocalDate.of(2026, 1, 1), new BigDecimal("0.2000"),
            new BigDecimal("0.0500"), new BigDecimal("0.5000"), new BigDecimal("0.0100"), new BigDecimal("0.0600"),
            Map.of("process", new BigDecimal("1.000"), "process-sandboxed", new BigDecimal("1.100"),
                    "standard", new BigDecimal("1.000"), "hypervisor", new BigDecimal("1.500"),
                    "dedicated", new BigDecimal("2.000")));

    private static final NewUser CITIZEN = new NewUser("citizen", "市民", "张", "citizen@example.org", PASSWORD,
            List.of(), List.of());

    private final DepartmentService departments;
    private final RateCardService rateCards;
    private final KeycloakProvisioning keycloak;
    private final ProvisioningProperties realms;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "demo-data");
        t.setDaemon(true);
        return t;
    });

    DemoData(DepartmentService departments, RateCardService rateCards, KeycloakProvisioning keycloak,
             ProvisioningProperties realms) {
        this.departments = departments;
        this.rateCards = rateCards;
        this.keycloak = keycloak;
        this.realms = realms;
    }

    @EventListener(ApplicationReadyEvent.class)
    void seed() {
        try {
            seedOnce();
            log.info("Demo departments and accounts are in place (password {})", PASSWORD);
        } catch (RuntimeException e) {
            log.warn("Demo data not seeded yet ({}); retrying in 15 s", e.getMessage());
            retries.schedule(this::seed, 15, TimeUnit.SECONDS);
        }
    }

    private void seedOnce() {
        if (rateCards.list().isEmpty()) {
            rateCards.create(SYSTEM, RATE_CARD);
        }
        for (DepartmentDraft draft : DEPARTMENTS) {
            try {
                departments.get(SYSTEM, draft.code());
                keycloak.ensureDepartment(draft.code(), draft.nameZh(), draft.nameEn());
            } catch (NotFoundException missing) {
                departments.create(SYSTEM, draft);
            }
        }
        STAFF.forEach(user -> keycloak.ensureUser(realms.staffRealm(), user));
        keycloak.ensureUser(realms.citizenRealm(), CITIZEN);
    }

    private static NewUser staff(String username, String firstName, String lastName, List<String> roles,
                                 List<String> groups) {
        return new NewUser(username, firstName, lastName, username + "@govpaas.example", PASSWORD, roles, groups);
    }

    @Override
    public void close() {
        retries.shutdownNow();
    }
}
