package org.govpaas.platform.apps.internal;

import java.net.URI;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.govpaas.catalog.CatalogTemplate;
import org.govpaas.catalog.SignIn;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.AppDirectory;
import org.govpaas.platform.apps.AppState;
import org.govpaas.platform.catalog.CatalogService;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.runtime.AppStatus;
import org.springframework.stereotype.Component;

/**
 * The gateway's view of apps, kept in memory and refreshed by the reconciler after every pass
 * over an app: a citizen's request never waits for the database or the runtime.
 */
@Component
class AppDirectoryService implements AppDirectory {

    private static final Caller READER = new Caller("app-directory", "App directory", Set.of(Caller.IT_OFFICE), Map.of());

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final CatalogService catalog;
    private final DepartmentService departments;

    AppDirectoryService(CatalogService catalog, DepartmentService departments) {
        this.catalog = catalog;
        this.departments = departments;
    }

    private record Entry(App app, Route route, CatalogTemplate template) {
    }

    void update(App app, AppState state, AppStatus status) {
        List<URI> ready = status.instances().stream().filter(AppStatus.InstanceStatus::ready)
                .filter(i -> i.address() != null).map(i -> URI.create("http://" + i.address())).toList();
        // Whatever the state, ready instances serve: during an upgrade (DEPLOYING) the old generation's
        // instances carry the traffic until the new ones are ready, and a failed new generation
        // leaves the old ones serving. Only a stop or a delete takes the route away at once.
        boolean available = !ready.isEmpty() && state != AppState.STOPPED && state != AppState.DELETING;
        CatalogTemplate template = catalog.template(app.templateId()).orElse(null);
        String zh = template == null ? app.name() : template.name().zh();
        String en = template == null ? app.name() : template.name().en();
        entries.put(key(app.departmentCode(), app.name()), new Entry(app,
                new Route(app.departmentCode(), app.name(), app.routePath(), available, ready, zh, en), template));
    }

    void remove(App app) {
        entries.remove(key(app.departmentCode(), app.name()));
    }

    /** Forgets every app but these (the ones stored now). */
    void retain(List<App> apps) {
        Set<String> keys = new HashSet<>();
        apps.forEach(app -> keys.add(key(app.departmentCode(), app.name())));
        entries.keySet().retainAll(keys);
    }

    @Override
    public Optional<Route> route(String department, String app) {
        return Optional.ofNullable(entries.get(key(department, app))).map(Entry::route);
    }

    /** Running apps citizens can use without being staff: the portal's list. */
    @Override
    public List<Listing> listed() {
        Map<String, Department> byCode = new java.util.HashMap<>();
        departments.list(READER).forEach(d -> byCode.put(d.code(), d));
        return entries.values().stream()
                .filter(e -> e.route().available() && e.template() != null)
                .filter(e -> catalog.version(e.app().templateId(), e.app().templateVersion())
                        .map(v -> v.signIn() != SignIn.STAFF).orElse(false))
                .filter(e -> byCode.containsKey(e.app().departmentCode()))
                .map(e -> {
                    Department d = byCode.get(e.app().departmentCode());
                    CatalogTemplate t = e.template();
                    return new Listing(d.code(), d.nameZh(), d.nameEn(), e.app().name(), e.route().routePath(),
                            t.category().label(), t.name().zh(), t.name().en(), t.description().zh(),
                            t.description().en());
                })
                .sorted(Comparator.comparing(Listing::category).thenComparing(Listing::department)
                        .thenComparing(Listing::app))
                .toList();
    }

    private static String key(String department, String app) {
        return department + "/" + app;
    }
}
