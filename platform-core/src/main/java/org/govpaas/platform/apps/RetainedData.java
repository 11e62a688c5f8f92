package org.govpaas.platform.apps;

import java.util.List;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.apps.internal.AppDatabases;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What deleting an app left behind on purpose: its database. The department's developers see
 * what is kept and how big it is, and purge it explicitly when the data is no longer needed;
 * every purge is audited. Another department's databases answer 404 like missing ones.
 */
@Service
public class RetainedData {

    private final DepartmentService departments;
    private final AppDatabases databases;
    private final AppService apps;
    private final ApplicationEventPublisher events;

    RetainedData(DepartmentService departments, AppDatabases databases, AppService apps,
                 ApplicationEventPublisher events) {
        this.departments = departments;
        this.databases = databases;
        this.apps = apps;
        this.events = events;
    }

    public List<RetainedDatabase> databases(Caller caller, String dept) {
        Department department = departments.get(caller, dept);
        return databases.retained(department.id());
    }

    /** Not in a transaction: PostgreSQL cannot drop a database inside one. */
    public void purge(Caller caller, String dept, long id) {
        Department department = departments.get(caller, dept);
        if (!apps.canOperate(caller, dept)) {
            throw new AccessDeniedException("only the department's developers purge its data");
        }
        String app = databases.purgeRetained(department.id(), id)
                .orElseThrow(() -> new NotFoundException("retained database " + id));
        events.publishEvent(new AppChanged(department.id(), department.code(), app, caller.username(),
                "APP_DATA_PURGED", "the retained database of the deleted app was dropped"));
    }
}
