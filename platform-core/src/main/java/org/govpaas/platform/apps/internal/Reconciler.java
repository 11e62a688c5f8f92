package org.govpaas.platform.apps.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.AppState;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.ReconcileLeadership;
import org.govpaas.runtime.RuntimeState;
import org.govpaas.runtime.RuntimeUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Drives the runtime towards the stored desired state, level-based: every pass compares what is
 * stored with what the runtime reports and acts on the difference, so a crash at any point is
 * repaired by the next pass (apply is idempotent). One thread does all passes, so two passes never
 * work on the same app at once. Passes run every {@value #PERIOD_MS} ms ({@value #BUSY_PERIOD_MS} ms
 * while an app is changing), as soon as a change is stored and as soon as the runtime tells of a
 * change it saw (an instance ready or crashed).
 */
@Component
public class Reconciler implements SmartLifecycle {

    static final long PERIOD_MS = 1000;
    /** While an app is on its way somewhere, look again soon: citizens are waiting for it. */
    static final long BUSY_PERIOD_MS = 200;
    private static final Logger log = LoggerFactory.getLogger(Reconciler.class);
    private static final Long EVERYTHING = -1L;

    private final AppMapper apps;
    private final AppRuntime runtime;
    private final AppSpecs specs;
    private final AppTeardown teardown;
    private final AppDirectoryService directory;
    /** Of several platform replicas only the leader acts (a Lease on Kubernetes); one replica always leads. */
    private final ReconcileLeadership leadership;
    private final LinkedBlockingQueue<Long> wakeups = new LinkedBlockingQueue<>();
    /** Apps applied since this control plane started: the runtime needs every spec once again. */
    private final Set<Long> appliedSinceStart = ConcurrentHashMap.newKeySet();
    /** The stored id of each app the runtime runs, to wake a pass when the runtime tells of a change. */
    private final Map<AppId, Long> storedIds = new ConcurrentHashMap<>();
    private volatile AutoCloseable statusWatch;
    private volatile Thread worker;
    private volatile boolean ready;
    /** When a replica that does not lead last refreshed its routes (only the worker thread touches it). */
    private Instant routesRefreshed = Instant.EPOCH;
    private volatile boolean busy;

    Reconciler(AppMapper apps, AppRuntime runtime, AppSpecs specs, AppTeardown teardown,
               AppDirectoryService directory, ObjectProvider<ReconcileLeadership> leadership) {
        this.leadership = leadership.getIfAvailable(() -> ReconcileLeadership.SOLE);
        this.apps = apps;
        this.runtime = runtime;
        this.specs = specs;
        this.teardown = teardown;
        this.directory = directory;
    }

    /** Ask for a pass over one app soon (after the caller's transaction committed). */
    public void wake(long appId) {
        wakeups.offer(appId);
    }

    @EventListener(ApplicationReadyEvent.class)
    void afterStart() {
        // The first pass re-applies every app: the runtime adopts what survived a restart.
        ready = true;
        wakeups.offer(EVERYTHING);
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Long next = wakeups.poll(busy ? BUSY_PERIOD_MS : PERIOD_MS, TimeUnit.MILLISECONDS);
                if (!ready) {
                    continue;
                }
                if (!leadership.isLeader()) {
                    refreshRoutes();
                    continue;
                }
                if (next == null || next.equals(EVERYTHING)) {
                    reconcileAll();
                } else {
                    apps.findByIdForReconciler(next).ifPresent(this::reconcile);
                    busy = true;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.warn("Reconcile pass failed; retrying: {}", e.toString());
            }
        }
    }

    void reconcileAll() {
        List<App> all = apps.findAllForReconciler();
        busy = all.stream().anyMatch(a -> a.isDeleting() || a.observedGeneration() != a.generation()
                || a.state() == AppState.PENDING || a.state() == AppState.DEPLOYING);
        Set<AppId> known = new HashSet<>();
        for (App app : all) {
            known.add(new AppId(app.departmentCode(), app.name()));
            reconcile(app);
        }
        for (AppId orphan : runtime.apps()) {
            if (!known.contains(orphan)) {
                log.warn("Removing {} from the runtime: no app of that name is stored", orphan);
                runtime.delete(orphan);
            }
        }
    }

    /**
     * A replica that does not lead changes nothing, but its portal and gateway still show what
     * runs: the routes of every stored app, from the runtime's status (on Kubernetes, the cluster's).
     */
    private void refreshRoutes() {
        Instant now = Instant.now();
        if (now.isBefore(routesRefreshed.plusMillis(PERIOD_MS))) {
            return; // once a period, however often this replica is woken
        }
        routesRefreshed = now;
        List<App> live = apps.findAllForReconciler().stream().filter(app -> !app.isDeleting()).toList();
        live.forEach(app -> routeWhatServes(app, new AppId(app.departmentCode(), app.name())));
        // Apps being deleted, and those the leader deleted between two looks, lose their routes.
        directory.retain(live);
    }

    /**
     * Routes the instances that are ready although this pass could not apply the app: after a
     * restart of the control plane while Keycloak or the database is away, the runtime has
     * adopted instances that serve, and citizens should not get 404 from them in the meantime.
     */
    private void routeWhatServes(App app, AppId id) {
        if (app.isDeleting()) {
            return; // a delete that failed halfway keeps its route away
        }
        try {
            directory.update(app, app.isStopped() ? AppState.STOPPED : app.state(), runtime.status(id));
        } catch (RuntimeException e) {
            log.debug("No status of {} to route by: {}", id, e.toString());
        }
    }

    void reconcile(App app) {
        AppId id = new AppId(app.departmentCode(), app.name());
        try {
            if (app.isDeleting()) {
                storedIds.remove(id, app.id());
                directory.remove(app);
                runtime.delete(id);
                teardown.remove(app);
                return;
            }
            storedIds.put(id, app.id());
            AppStatus status = runtime.status(id);
            if (status.observedGeneration() != app.generation() || status.state() == RuntimeState.UNKNOWN
                    || !appliedSinceStart.contains(app.id())) {
                runtime.apply(specs.build(app));
                appliedSinceStart.add(app.id());
                status = runtime.status(id);
            }
            record(app, status);
        } catch (AppSpecs.CannotBuildSpec | IllegalArgumentException e) {
            routeWhatServes(app, id);
            saveObserved(app, app.observedGeneration(), AppState.FAILED, 0, null, e.getMessage());
        } catch (RuntimeUnavailableException e) {
            // The runtime's own words (e.g. the cluster's answer and the next retry); it retries by itself.
            log.warn("Cannot reconcile {} yet: {}", id, e.getMessage());
            saveObserved(app, app.observedGeneration(), app.state(), app.readyInstances(), app.isolationApplied(),
                    e.getMessage());
        } catch (RuntimeException e) {
            // Keycloak or the database away for a moment: keep the state, say why, retry next pass.
            log.warn("Cannot reconcile {} yet: {}", id, e.toString());
            routeWhatServes(app, id);
            saveObserved(app, app.observedGeneration(), app.state(), app.readyInstances(), app.isolationApplied(),
                    "Waiting for a platform service: " + e.getClass().getSimpleName());
        }
    }

    private void record(App app, AppStatus status) {
        AppState state = switch (status.state()) {
            case UNKNOWN -> AppState.PENDING;
            case DEPLOYING -> AppState.DEPLOYING;
            case RUNNING -> AppState.RUNNING;
            case DEGRADED -> AppState.DEGRADED;
            case FAILED -> AppState.FAILED;
            case STOPPED -> AppState.STOPPED;
        };
        String isolation = status.isolation() == null ? null : status.isolation().label();
        directory.update(app, state, status);
        saveObserved(app, status.observedGeneration(), state, status.readyInstances(), isolation, status.message());
    }

    private void saveObserved(App app, long observedGeneration, AppState state, int ready, String isolation,
                              String message) {
        boolean changed = app.state() != state || app.readyInstances() != ready
                || app.observedGeneration() != observedGeneration || !Objects.equals(app.message(), message)
                || !Objects.equals(app.isolationApplied(), isolation);
        if (!changed) {
            return;
        }
        apps.updateObserved(app.id(), app.departmentId(), observedGeneration, state.name(), ready, isolation, message);
        if (app.state() != state) {
            apps.insertEvent(app.departmentId(), app.id(), app.name(), state.name(),
                    message == null || message.isBlank() ? "State is now " + state : message);
        }
    }

    @Override
    public void start() {
        // An instance that became ready is recorded (and routed to) at once, not at the next look.
        statusWatch = runtime.watchStatus(id -> {
            Long stored = storedIds.get(id);
            if (stored != null) {
                wake(stored);
            }
        });
        worker = Thread.ofPlatform().name("app-reconciler").daemon(true).start(this::loop);
    }

    @Override
    public void stop() {
        if (statusWatch != null) {
            try {
                statusWatch.close();
            } catch (Exception e) {
                log.warn("Cannot stop watching the runtime: {}", e.toString());
            }
        }
        if (worker != null) {
            worker.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null && worker.isAlive();
    }
}
