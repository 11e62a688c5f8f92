package org.govpaas.platform.audit;

import java.util.List;
import java.util.Set;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.DepartmentRole;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Writes and reads the audit log; reading follows the caller's reach. */
@Service
public class AuditLog {

    static final int PAGE = 200;

    private final AuditMapper mapper;

    AuditLog(AuditMapper mapper) {
        this.mapper = mapper;
    }

    /** Joins the caller's transaction, so the entry commits or rolls back with the change. */
    @Transactional(propagation = Propagation.REQUIRED)
    public void record(String actor, String action, String departmentCode, String detail) {
        mapper.insert(actor, action, departmentCode, detail);
    }

    /** Platform admins read everything; department admins their departments'; others nothing. */
    @Transactional(readOnly = true)
    public List<AuditEntry> latest(Caller caller) {
        if (caller.isPlatformAdmin()) {
            return mapper.findLatest(PAGE);
        }
        Set<String> administered = caller.departmentsWithRole(DepartmentRole.DEPARTMENT_ADMIN);
        if (administered.isEmpty()) {
            throw new AccessDeniedException("the audit log is for platform and department admins");
        }
        return mapper.findLatestForDepartments(administered, PAGE);
    }

    public boolean canRead(Caller caller) {
        return caller.isPlatformAdmin() || !caller.departmentsWithRole(DepartmentRole.DEPARTMENT_ADMIN).isEmpty();
    }
}
