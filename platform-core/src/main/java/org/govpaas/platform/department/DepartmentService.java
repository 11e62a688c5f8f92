package org.govpaas.platform.department;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.DepartmentRole;
import org.govpaas.identity.provisioning.DepartmentMember;
import org.govpaas.identity.provisioning.IdentityServiceUnavailableException;
import org.govpaas.identity.provisioning.KeycloakProvisioning;
import org.govpaas.identity.provisioning.UnknownUserException;
import org.govpaas.platform.system.FieldValidationException;
import org.govpaas.platform.system.NotFoundException;
import org.govpaas.platform.system.ServiceUnavailableException;
import org.govpaas.platform.system.StaffSessions;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every operation takes the {@link Caller}: a department the caller may not see is reported as
 * not found, never as forbidden, so its existence does not leak.
 */
@Service
public class DepartmentService {

    private final DepartmentMapper mapper;
    private final KeycloakProvisioning keycloak;
    private final ApplicationEventPublisher events;
    private final StaffSessions sessions;

    DepartmentService(DepartmentMapper mapper, KeycloakProvisioning keycloak, ApplicationEventPublisher events,
                      StaffSessions sessions) {
        this.mapper = mapper;
        this.keycloak = keycloak;
        this.events = events;
        this.sessions = sessions;
    }

    @Transactional(readOnly = true)
    public List<Department> list(Caller caller) {
        if (caller.seesAllDepartments()) {
            return mapper.findAll();
        }
        if (caller.departments().isEmpty()) {
            return List.of();
        }
        return mapper.findByCodes(caller.departments().keySet());
    }

    @Transactional(readOnly = true)
    public Department get(Caller caller, String code) {
        if (code == null || !caller.canSee(code)) {
            throw notFound(code);
        }
        return mapper.findByCode(code).orElseThrow(() -> notFound(code));
    }

    /**
     * Stores the department and creates its Keycloak group in one unit: if Keycloak is away the
     * row is rolled back, and a retry finds the group (creation is idempotent).
     */
    @Transactional
    public Department create(Caller caller, DepartmentDraft draft) {
        requirePlatformAdmin(caller);
        if (mapper.findByCode(draft.code()).isPresent()) {
            throw FieldValidationException.coded("code", "department.code.taken", "A department with this code already exists.");
        }
        DepartmentRow row = DepartmentRow.of(draft);
        try {
            mapper.insert(row);
        } catch (DuplicateKeyException raced) {
            throw FieldValidationException.coded("code", "department.code.taken", "A department with this code already exists.");
        }
        provision(() -> keycloak.ensureDepartment(row.code, row.nameZh, row.nameEn));
        events.publishEvent(new DepartmentCreated(row.id, row.code, caller.username(), draft));
        return mapper.findByCode(row.code).orElseThrow();
    }

    @Transactional
    public Department update(Caller caller, String code, DepartmentChanges changes) {
        Department current = get(caller, code);
        requirePlatformAdmin(caller);
        DepartmentRow row = DepartmentRow.of(current);
        Map<String, String> diff = new LinkedHashMap<>();
        row.nameZh = change(diff, "nameZh", current.nameZh(), strip(changes.nameZh()));
        row.nameEn = change(diff, "nameEn", current.nameEn(), strip(changes.nameEn()));
        row.maxApps = change(diff, "maxApps", current.maxApps(), changes.maxApps());
        row.maxInstances = change(diff, "maxInstances", current.maxInstances(), changes.maxInstances());
        row.maxMemoryMib = change(diff, "maxMemoryMib", current.maxMemoryMib(), changes.maxMemoryMib());
        row.monthlyBudget = changeMoney(diff, current.monthlyBudget(), changes.monthlyBudget());
        if (diff.isEmpty()) {
            return current;
        }
        mapper.update(row);
        events.publishEvent(new DepartmentChanged(current.id(), code, caller.username(), diff));
        return mapper.findByCode(code).orElseThrow();
    }

    /** Who works in the department; platform admins and the department's own admins may look. */
    public List<DepartmentMember> members(Caller caller, String code) {
        Department department = get(caller, code);
        requireMemberManager(caller, department.code());
        return provision(() -> keycloak.members(department.code()));
    }

    @Transactional
    public void addMember(Caller caller, String code, String username, DepartmentRole role) {
        Department department = get(caller, code);
        requireMemberManager(caller, department.code());
        if (username == null || username.isBlank() || username.length() > 255) {
            throw FieldValidationException.coded("username", "member.usernameMissing", "Enter the username of a staff account.");
        }
        try {
            provision(() -> keycloak.addMember(department.code(), username, role));
        } catch (UnknownUserException e) {
            throw FieldValidationException.coded("username", "member.unknown", "No staff account has this username.");
        }
        events.publishEvent(new DepartmentMembershipChanged(department.id(), code, caller.username(), username, role, true));
    }

    @Transactional
    public void removeMember(Caller caller, String code, String username, DepartmentRole role) {
        Department department = get(caller, code);
        requireMemberManager(caller, department.code());
        provision(() -> keycloak.removeMember(department.code(), username, role));
        // Their console sessions still hold the role; the next request signs in without it.
        sessions.endSessionsOf(username);
        events.publishEvent(new DepartmentMembershipChanged(department.id(), code, caller.username(), username, role, false));
    }

    public boolean canManageMembers(Caller caller, String code) {
        return caller.isPlatformAdmin() || caller.hasRole(code, DepartmentRole.DEPARTMENT_ADMIN);
    }

    private void requireMemberManager(Caller caller, String code) {
        if (!canManageMembers(caller, code)) {
            throw new AccessDeniedException("only platform admins and department admins manage members");
        }
    }

    private static void requirePlatformAdmin(Caller caller) {
        if (!caller.isPlatformAdmin()) {
            throw new AccessDeniedException("only platform admins create or change departments");
        }
    }

    private static <T> T provision(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (IdentityServiceUnavailableException e) {
            throw new ServiceUnavailableException("identity", e);
        }
    }

    private static void provision(Runnable call) {
        provision(() -> {
            call.run();
            return null;
        });
    }

    private static <T> T change(Map<String, String> diff, String field, T current, T requested) {
        if (requested == null || Objects.equals(current, requested)) {
            return current;
        }
        diff.put(field, current + " -> " + requested);
        return requested;
    }

    private static BigDecimal changeMoney(Map<String, String> diff, BigDecimal current, BigDecimal requested) {
        if (requested == null || current.compareTo(requested) == 0) {
            return current;
        }
        diff.put("monthlyBudget", current.toPlainString() + " -> " + requested.toPlainString());
        return requested;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    private static NotFoundException notFound(String code) {
        return new NotFoundException("department " + code);
    }
}
