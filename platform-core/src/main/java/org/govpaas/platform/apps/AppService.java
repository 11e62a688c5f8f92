package org.govpaas.platform.apps;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.DepartmentRole;
import org.govpaas.platform.apps.internal.AppMapper;
import org.govpaas.platform.apps.internal.AppRow;
import org.govpaas.platform.apps.internal.Reconciler;
import org.govpaas.platform.catalog.CatalogService;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.FieldValidationException;
import org.govpaas.platform.system.NotFoundException;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.LogLine;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The app lifecycle as developers use it. Every method takes the {@link Caller}; an app of a
 * department the caller cannot see answers not found. Changes only store desired state and wake
 * the reconciler; the runtime is never called from a request, so bad input can never reach it.
 */
@Service
public class AppService {

    /** Names that would read like parts of the platform in an app's URL. */
    static final Set<String> RESERVED = Set.of("api", "apps", "console", "admin", "platform", "govpaas", "portal",
            "static", "assets", "login", "logout", "system", "default");

    private final AppMapper apps;
    private final DepartmentService departments;
    private final CatalogService catalog;
    private final Reconciler reconciler;
    private final AppRuntime runtime;
    private final ApplicationEventPublisher events;
    private final ObjectProvider<SpendingGuard> spending;

    AppService(AppMapper apps, DepartmentService departments, CatalogService catalog, Reconciler reconciler,
               AppRuntime runtime, ApplicationEventPublisher events, ObjectProvider<SpendingGuard> spending) {
        this.apps = apps;
        this.departments = departments;
        this.catalog = catalog;
        this.reconciler = reconciler;
        this.runtime = runtime;
        this.events = events;
        this.spending = spending;
    }

    @Transactional(readOnly = true)
    public List<App> list(Caller caller, String dept) {
        return apps.findByDepartment(departments.get(caller, dept).id());
    }

    @Transactional(readOnly = true)
    public App get(Caller caller, String dept, String name) {
        Department department = departments.get(caller, dept);
        return apps.findByName(department.id(), name).orElseThrow(() -> new NotFoundException("app " + name));
    }

    @Transactional(readOnly = true)
    public List<AppEvent> events(Caller caller, String dept, String name) {
        App app = get(caller, dept, name);
        return apps.findEvents(app.departmentId(), app.id(), 100);
    }

    /** Output may hold citizens' data: only the department's developers and admins read it. */
    public List<LogLine> logs(Caller caller, String dept, String name, int tail) {
        App app = get(caller, dept, name);
        requireDeveloper(caller, dept);
        return runtime.logs(new AppId(app.departmentCode(), app.name()), Math.max(1, Math.min(tail, 2000)));
    }

    /** Streams new output lines to {@code sink} until the returned handle is closed. */
    public AutoCloseable followLogs(Caller caller, String dept, String name, java.util.function.Consumer<LogLine> sink) {
        App app = get(caller, dept, name);
        requireDeveloper(caller, dept);
        return runtime.followLogs(new AppId(app.departmentCode(), app.name()), sink);
    }

    public boolean canOperate(Caller caller, String dept) {
        return caller.isPlatformAdmin() || caller.hasRole(dept, DepartmentRole.DEVELOPER)
                || caller.hasRole(dept, DepartmentRole.DEPARTMENT_ADMIN);
    }

    @Transactional
    public App deploy(Caller caller, String dept, DeployRequest request) {
        Department seen = departments.get(caller, dept);
        requireDeveloper(caller, dept);
        Map<String, DefaultMessageSourceResolvable> errors = new LinkedHashMap<>();
        CatalogService.Checked checked = catalog.check(request.template(), request.version(), request.instances(),
                request.memoryMb(), request.isolation(), request.parameters(), runtime.supportedIsolation(), errors);
        if (RESERVED.contains(request.name())) {
            errors.put("name", FieldValidationException.error("app.name.reserved", "This name is reserved."));
        }
        if (!errors.isEmpty()) {
            throw FieldValidationException.coded(errors);
        }
        Department department = locked(caller, seen);
        if (apps.findByName(department.id(), request.name()).isPresent()) {
            throw FieldValidationException.coded("name", "app.name.taken",
                    "An app with this name already exists in the department.");
        }
        checkCapacity(caller, department, null, checked.isolation(), checked.instances(), checked.memoryMb());
        AppRow row = AppRow.create(department.id(), request.name(), checked, caller.username());
        apps.insert(row);
        App app = apps.findByName(department.id(), request.name()).orElseThrow();
        apps.insertEvent(department.id(), app.id(), app.name(), "CREATED", "Deploy of " + checked.templateId() + " "
                + checked.version() + " requested by " + caller.username());
        changed(caller, app, "APP_DEPLOYED", checked.templateId() + " " + checked.version() + ", "
                + checked.instances() + " x " + checked.memoryMb() + " MiB, isolation " + checked.isolation());
        return app;
    }

    @Transactional
    public App change(Caller caller, String dept, String name, AppChanges changes) {
        Target target = operable(caller, dept, name);
        App app = target.app();
        Map<String, DefaultMessageSourceResolvable> errors = new LinkedHashMap<>();
        Map<String, Object> parameters = changes.parameters() == null ? app.parameters() : changes.parameters();
        boolean sameVersion = changes.version() == null || changes.version().equals(app.templateVersion());
        CatalogService.Checked checked = catalog.check(app.templateId(),
                changes.version() == null ? app.templateVersion() : changes.version(), sameVersion,
                changes.instances() == null ? app.instances() : changes.instances(),
                changes.memoryMb() == null ? app.memoryMb() : changes.memoryMb(),
                changes.isolation() == null ? app.isolation() : changes.isolation(), parameters,
                runtime.supportedIsolation(), errors);
        if (!errors.isEmpty()) {
            throw FieldValidationException.coded(errors);
        }
        if (!app.isStopped()) {
            checkCapacity(caller, target.department(), app, checked.isolation(), checked.instances(), checked.memoryMb());
        }
        AppRow row = AppRow.of(app);
        row.apply(checked);
        return update(caller, app, row, "APP_CHANGED", "CHANGE_REQUESTED", describe(app, checked));
    }

    @Transactional
    public App stop(Caller caller, String dept, String name) {
        App app = operable(caller, dept, name).app();
        AppRow row = AppRow.of(app);
        row.desire("STOPPED");
        return update(caller, app, row, "APP_STOPPED", "STOP_REQUESTED", "stopped");
    }

    @Transactional
    public App start(Caller caller, String dept, String name) {
        Target target = operable(caller, dept, name);
        App app = target.app();
        checkCapacity(caller, target.department(), app, app.isolation(), app.instances(), app.memoryMb());
        AppRow row = AppRow.of(app);
        row.desire("RUNNING");
        return update(caller, app, row, "APP_STARTED", "START_REQUESTED", "started");
    }

    /**
     * A new generation with the same content that names itself the restart generation: the
     * runtime replaces every instance, one by one, a ready one serving throughout.
     */
    @Transactional
    public App restart(Caller caller, String dept, String name) {
        App app = operable(caller, dept, name).app();
        AppRow row = AppRow.of(app);
        row.requestRestart();
        return update(caller, app, row, "APP_RESTARTED", "RESTART_REQUESTED", "restarted");
    }

    @Transactional
    public App delete(Caller caller, String dept, String name, boolean purgeData) {
        App app = operable(caller, dept, name).app();
        AppRow row = AppRow.of(app);
        row.desire("DELETING");
        row.purge(purgeData);
        return update(caller, app, row, "APP_DELETED", "DELETE_REQUESTED",
                purgeData ? "deleted, data purged" : "deleted, data retained");
    }

    /** An app to change and its department, read under the department's row lock. */
    private record Target(Department department, App app) {
    }

    /**
     * The app as it is now, under the department's row lock: every change builds on this read, so
     * two concurrent changes (or a change and a quota check) can never work from a stale copy.
     */
    private Target operable(Caller caller, String dept, String name) {
        Department seen = departments.get(caller, dept);
        requireDeveloper(caller, dept);
        Department department = locked(caller, seen);
        App app = apps.findByName(department.id(), name).orElseThrow(() -> new NotFoundException("app " + name));
        if (app.isDeleting()) {
            throw FieldValidationException.coded("name", "app.deleting", "The app is being deleted.");
        }
        return new Target(department, app);
    }

    /**
     * @param action    what the audit log calls it
     * @param eventType what the app's own events call it: a request, which the reconciler carries out
     */
    private App update(Caller caller, App app, AppRow row, String action, String eventType, String detail) {
        apps.updateDesired(row);
        App updated = apps.findByName(app.departmentId(), app.name()).orElseThrow();
        apps.insertEvent(app.departmentId(), app.id(), app.name(), eventType, detail + " by " + caller.username());
        changed(caller, updated, action, detail);
        return updated;
    }

    /**
     * The department read again once its row is locked: its quota as it is now, which an admin
     * changing it at the same moment (an update of the same row) can no longer change until commit.
     */
    private Department locked(Caller caller, Department seen) {
        apps.lockDepartment(seen.id());
        return departments.get(caller, seen.code());
    }

    /**
     * Runs under the department row lock taken by the caller, so two requests cannot both pass.
     * Memory counts what an instance really takes on this runtime: the app's own plus the pod
     * overhead of its isolation tier (a hypervisor-backed pod's virtual machine), as the
     * cluster's quota counts it too.
     */
    private void checkCapacity(Caller caller, Department department, App replacing, String isolation, int instances,
                               int memoryMb) {
        // One read of the department's apps serves both checks.
        List<App> current = apps.findByDepartment(department.id());
        checkQuota(current, department, replacing, isolation, instances, memoryMb);
        spending.orderedStream().forEach(g -> g.check(caller, department, current, replacing, isolation, instances, memoryMb));
    }

    private void checkQuota(List<App> current, Department department, App replacing, String isolation, int instances,
                            int memoryMb) {
        long usedApps = 0;
        long usedInstances = 0;
        long usedMemory = 0;
        for (App other : current) {
            if (other.isDeleting() || (replacing != null && other.id() == replacing.id())) {
                continue;
            }
            usedApps++;
            if (!other.isStopped()) {
                usedInstances += other.instances();
                usedMemory += (long) other.instances() * memoryPerInstance(other.isolation(), other.memoryMb());
            }
        }
        // A change is refused only for what it adds: a department over a quota an admin lowered
        // can still scale an app down or change it without growing.
        int instancesNow = replacing == null || replacing.isStopped() ? 0 : replacing.instances();
        long memoryNow = (long) instancesNow * (replacing == null ? 0 : memoryPerInstance(replacing.isolation(), replacing.memoryMb()));
        long memoryAsked = (long) instances * memoryPerInstance(isolation, memoryMb);
        Map<String, DefaultMessageSourceResolvable> errors = new LinkedHashMap<>();
        if (replacing == null && usedApps + 1 > department.maxApps()) {
            errors.put("name", FieldValidationException.error("quota.apps", "The department's quota allows " + department.maxApps() + " apps; "
                    + usedApps + " exist.", department.maxApps(), usedApps));
        }
        if (usedInstances + instances > department.maxInstances() && instances > instancesNow) {
            errors.put("instances", FieldValidationException.error("quota.instances", "The department's quota allows "
                    + department.maxInstances() + " instances; " + usedInstances + " are in use.",
                    department.maxInstances(), usedInstances));
        }
        if (usedMemory + memoryAsked > department.maxMemoryMib() && memoryAsked > memoryNow) {
            errors.put("memoryMb", FieldValidationException.error("quota.memory", "The department's quota allows " + department.maxMemoryMib()
                    + " MiB; " + usedMemory + " MiB are in use.", department.maxMemoryMib(), usedMemory));
        }
        if (!errors.isEmpty()) {
            throw FieldValidationException.coded(errors);
        }
    }

    private int memoryPerInstance(String isolation, int memoryMb) {
        return isolation == null ? memoryMb : memoryMb + runtime.overhead(IsolationTier.fromLabel(isolation)).memoryMib();
    }

    private void changed(Caller caller, App app, String action, String detail) {
        events.publishEvent(new AppChanged(app.departmentId(), app.departmentCode(), app.name(), caller.username(),
                action, detail));
        long id = app.id();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    reconciler.wake(id);
                }
            });
        } else {
            reconciler.wake(id);
        }
    }

    private static String describe(App app, CatalogService.Checked checked) {
        StringBuilder sb = new StringBuilder();
        if (app.instances() != checked.instances()) {
            sb.append("instances ").append(app.instances()).append(" -> ").append(checked.instances()).append("; ");
        }
        if (app.memoryMb() != checked.memoryMb()) {
            sb.append("memory ").append(app.memoryMb()).append(" -> ").append(checked.memoryMb()).append(" MiB; ");
        }
        if (!app.isolation().equals(checked.isolation())) {
            sb.append("isolation ").append(app.isolation()).append(" -> ").append(checked.isolation()).append("; ");
        }
        if (!app.templateVersion().equals(checked.version())) {
            sb.append("version ").append(app.templateVersion()).append(" -> ").append(checked.version()).append("; ");
        }
        if (!app.parameters().equals(checked.parameters())) {
            sb.append("parameters changed; ");
        }
        return sb.isEmpty() ? "no change" : sb.substring(0, sb.length() - 2);
    }

    private void requireDeveloper(Caller caller, String dept) {
        if (!canOperate(caller, dept)) {
            throw new AccessDeniedException("only the department's developers operate its apps");
        }
    }
}
