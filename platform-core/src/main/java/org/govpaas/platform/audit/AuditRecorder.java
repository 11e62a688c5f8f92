package org.govpaas.platform.audit;

import java.util.Map;
import java.util.stream.Collectors;
import org.govpaas.platform.apps.AppChanged;
import org.govpaas.platform.catalog.CatalogChanged;
import org.govpaas.platform.chargeback.ChargebackChanged;
import org.govpaas.platform.department.DepartmentChanged;
import org.govpaas.platform.department.DepartmentCreated;
import org.govpaas.platform.department.DepartmentMembershipChanged;
import org.govpaas.platform.system.StaffSignedIn;
import org.govpaas.platform.system.StaffSignedOut;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what other modules announce into audit entries. Listeners run synchronously inside the
 * publisher's transaction on purpose: an audit entry must never be lost after its change
 * committed, nor written for a change that rolled back.
 */
@Component
class AuditRecorder {

    private final AuditLog log;

    AuditRecorder(AuditLog log) {
        this.log = log;
    }

    @EventListener
    void on(DepartmentCreated e) {
        log.record(e.actor(), "DEPARTMENT_CREATED", e.code(), String.format(
                "maxApps=%d, maxInstances=%d, maxMemoryMib=%d, monthlyBudget=%s",
                e.draft().maxApps(), e.draft().maxInstances(), e.draft().maxMemoryMib(),
                e.draft().monthlyBudget().toPlainString()));
    }

    @EventListener
    void on(DepartmentChanged e) {
        boolean quota = e.changes().keySet().stream().anyMatch(k -> k.startsWith("max") || k.equals("monthlyBudget"));
        log.record(e.actor(), quota ? "QUOTA_CHANGED" : "DEPARTMENT_CHANGED", e.code(), describe(e.changes()));
    }

    @EventListener
    void on(DepartmentMembershipChanged e) {
        log.record(e.actor(), e.added() ? "MEMBER_ADDED" : "MEMBER_REMOVED", e.code(),
                e.member() + " as " + e.role().groupName());
    }

    @EventListener
    void on(AppChanged e) {
        log.record(e.actor(), e.action(), e.departmentCode(), e.app() + ": " + e.detail());
    }

    @EventListener
    void on(ChargebackChanged e) {
        log.record(e.actor(), e.action(), e.departmentCode(), e.detail());
    }

    @EventListener
    void on(CatalogChanged e) {
        log.record(e.actor(), "CATALOG_CHANGED", null, e.templateId() + (e.version() == null ? "" : " " + e.version())
                + (e.enabled() ? " enabled" : " disabled"));
    }

    @EventListener
    void on(StaffSignedIn e) {
        perDepartment(e.username(), "SIGNED_IN", e.departments());
    }

    @EventListener
    void on(StaffSignedOut e) {
        perDepartment(e.username(), "SIGNED_OUT", e.departments());
    }

    /** Each department's admins see their staff's sign-ins; platform-wide roles get one entry. */
    private void perDepartment(String username, String action, java.util.Set<String> departments) {
        if (departments.isEmpty()) {
            log.record(username, action, null, null);
        } else {
            departments.forEach(code -> log.record(username, action, code, null));
        }
    }

    private static String describe(Map<String, String> changes) {
        return changes.entrySet().stream().map(c -> c.getKey() + ": " + c.getValue())
                .collect(Collectors.joining(", "));
    }
}
