package org.govpaas.platform.runtime;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import org.govpaas.platform.runtime.Instance.Phase;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps one app's instances converging to its spec, level-based: every {@link #tick} compares
 * what runs with what is desired and starts, restarts or retires instances. All state is guarded
 * by this object's lock; slow work (probing, stopping) runs outside it.
 */
final class AppSupervisor {

    private static final Logger log = LoggerFactory.getLogger(AppSupervisor.class);
    /** Ready instances are re-probed about once a second; starting ones on every tick, so one is served soon after it is ready. */
    private static final Duration PROBE_RUNNING_EVERY = Duration.ofSeconds(1);

    final AppId id;
    private final RuntimeContext context;
    private final Path dir;
    private final List<Instance> instances = new ArrayList<>();
    private final CompletableFuture<Void> deleted = new CompletableFuture<>();
    /** The applied spec; its environment is empty until the spec is applied in this runtime. */
    private AppSpec spec;
    /** False after a control-plane restart until the spec is re-applied: nothing is started without its environment. */
    private boolean specComplete;
    /** The generation of the newest template; instances of older ones are replaced. */
    private long templateGeneration;
    private boolean deleting;
    /** Something recorded in the state file changed (a process, a restart count, an instance). */
    private boolean dirty;
    private Instant runningProbed = Instant.EPOCH;
    /** Whether an instance is starting: the runtime then ticks this app more often (see LocalRuntime). */
    private volatile boolean starting;
    /** The status last seen: a tick that changes it tells the runtime's status watchers. */
    private AppStatus lastStatus;

    AppSupervisor(AppId id, RuntimeContext context) {
        this.id = id;
        this.context = context;
        this.dir = context.store().appDir(id);
    }

    /** An app recorded by an earlier control plane: adopts the instances still alive. */
    static AppSupervisor recover(StateStore.AppRecord record, RuntimeContext context, Instant now) {
        AppSupervisor supervisor = new AppSupervisor(new AppId(record.department(), record.name()), context);
        supervisor.spec = AppTemplate.fromRecord(record);
        supervisor.templateGeneration = record.templateGeneration();
        for (StateStore.InstanceRecord saved : record.instanceRecords()) {
            supervisor.instances.add(Instance.recovered(saved, supervisor.dir, now));
        }
        return supervisor;
    }

    /** @return false when the app is being deleted: the caller waits for {@link #deleted()} and starts anew */
    synchronized boolean apply(AppSpec newSpec) {
        if (deleting) {
            return false;
        }
        if (spec != null && newSpec.generation() < spec.generation()) {
            return true; // an older desired state arriving late changes nothing
        }
        if (spec == null || AppTemplate.changed(spec, specComplete, newSpec)) {
            templateGeneration = newSpec.generation();
        }
        if (spec == null || newSpec.generation() > spec.generation()) {
            // A new generation gives instances that gave up a new chance.
            instances.stream().filter(i -> i.phase == Phase.FAILED).forEach(i -> {
                i.phase = Phase.WAITING;
                i.nextStartAt = Instant.EPOCH;
                i.recentCrashes.clear();
            });
        }
        spec = newSpec;
        specComplete = true;
        reconcile(Instant.now());
        dirty = true;
        save();
        lastStatus = status(); // the control plane that applied it reads it itself
        return true;
    }

    void tick() {
        List<Instance> probe;
        String path;
        String page;
        boolean changed;
        List<Integer> turnedReady = new ArrayList<>();
        List<Path> outputs = List.of();
        synchronized (this) {
            if (deleting) {
                return;
            }
            Instant now = Instant.now();
            boolean probeRunning = !now.isBefore(runningProbed.plus(PROBE_RUNNING_EVERY));
            if (probeRunning) {
                runningProbed = now;
            }
            observeExits(now);
            if (probeRunning) {
                outputs = instances.stream().filter(Instance::alive).map(i -> i.output).toList();
            }
            if (specComplete) {
                reconcile(now);
            }
            save();
            path = spec.health().readinessPath();
            page = InstanceLauncher.routePath(spec);
            probe = instances.stream().filter(Instance::alive)
                    .filter(i -> i.phase == Phase.STARTING || (i.phase == Phase.RUNNING && probeRunning)).toList();
        }
        // Off the lock, as the probes: bounding a big output file copies it.
        outputs.forEach(output -> InstanceOutput.bound(output, context.settings().maxOutputSize().toBytes()));
        // Probed off the lock; a result counts only if the instance still runs the process that answered.
        Map<Instance, ProcessHandle> probed = new HashMap<>();
        probe.forEach(i -> probed.put(i, i.process));
        Map<Instance, Boolean> ready = new HashMap<>();
        probed.forEach((instance, process) -> ready.put(instance, context.probe().ready(instance.port, path)));
        synchronized (this) {
            Instant probedAt = Instant.now();
            ready.forEach((instance, isReady) -> {
                if (instance.process == probed.get(instance)
                        && (instance.phase == Phase.STARTING || instance.phase == Phase.RUNNING)) {
                    if (isReady && instance.phase == Phase.STARTING) {
                        turnedReady.add(instance.port);
                    }
                    instance.probed(isReady, path, probedAt);
                }
            });
            if (specComplete && !deleting) {
                reconcile(Instant.now()); // a replacement that became ready lets an old instance go now
                save();
            }
            AppStatus now = status();
            changed = !deleting && !now.equals(lastStatus);
            lastStatus = now;
            starting = instances.stream().anyMatch(i -> i.alive() && i.phase == Phase.STARTING);
        }
        turnedReady.forEach(port -> context.probe().warmUp(port, page)); // before it is routed to
        if (changed) {
            context.statusChanged().accept(id); // off the lock: a watcher may ask for the status at once
        }
    }

    /**
     * Exited processes count as crashes; so do an instance not ready within its startup timeout and
     * a running one that has failed its readiness check for the liveness timeout: a JVM that hangs
     * (a deadlock, a heap it can only collect) keeps its process alive and would otherwise stay out
     * of routing for good, its app short of an instance.
     */
    private void observeExits(Instant now) {
        for (Instance instance : instances) {
            if (!instance.alive() || instance.phase == Phase.STOPPING) {
                continue;
            }
            if (instance.child != null ? !instance.child.isAlive() : !instance.process.isAlive()) {
                crashed(instance, instance.child != null ? "exited with code " + instance.child.exitValue()
                        : "exited (its exit code is unknown: it was started by an earlier control plane)", now);
            } else if (instance.phase == Phase.STARTING
                    && now.isAfter(instance.launchedAt.plusSeconds(spec.health().startupTimeoutSeconds()))) {
                ProcessTree.kill(instance.process);
                crashed(instance, "was not ready within " + spec.health().startupTimeoutSeconds() + " s and was killed", now);
            } else if (instance.stoppedAnswering(now, context.settings().livenessTimeout())) {
                ProcessTree.kill(instance.process);
                crashed(instance, "failed its readiness check for " + context.settings().livenessTimeout().toSeconds()
                        + " s and was killed", now);
            }
        }
    }

    private void crashed(Instance instance, String what, Instant now) {
        dirty = true;
        if (instance.crashed(what, now, context.settings())) {
            log.warn("App {} instance {} keeps crashing; giving up until a new generation is applied", id, instance.id);
        } else {
            log.info("App {} instance {} {}; restarting it at {}", id, instance.id, what, instance.nextStartAt);
        }
    }

    /** Starts what is missing, restarts what crashed, retires what is extra; one replacement at a time. */
    private void reconcile(Instant now) {
        int desired = spec.instances();
        for (Instance instance : List.copyOf(instances)) {
            if (instance.phase != Phase.STOPPING && (instance.index >= desired
                    || (instance.templateGeneration != templateGeneration && !instance.alive()))) {
                retire(instance);
            }
        }
        boolean replacing = false;
        List<Integer> outdated = new ArrayList<>();
        for (int index = 0; index < desired; index++) {
            int at = index;
            Optional<Instance> current = instances.stream().filter(i -> i.index == at && i.phase != Phase.STOPPING
                    && i.templateGeneration == templateGeneration).findFirst();
            List<Instance> old = instances.stream().filter(i -> i.index == at && i.phase != Phase.STOPPING
                    && i.templateGeneration != templateGeneration).toList();
            if (current.isEmpty()) {
                if (old.isEmpty()) {
                    start(new Instance(index, templateGeneration, dir), now);
                } else {
                    outdated.add(index);
                }
                continue;
            }
            Instance instance = current.get();
            if (instance.phase == Phase.WAITING && !now.isBefore(instance.nextStartAt)) {
                instance.restarts++;
                launch(instance, now);
            }
            if (instance.phase == Phase.RUNNING && instance.ready) {
                old.forEach(this::retire);
            } else if (!old.isEmpty()) {
                replacing = true; // a replacement is on its way (or failing: then the old one keeps serving)
            }
        }
        if (!replacing && !outdated.isEmpty()) {
            start(new Instance(outdated.getFirst(), templateGeneration, dir), now);
        }
    }

    private void start(Instance instance, Instant now) {
        instances.add(instance);
        dirty = true;
        launch(instance, now);
    }

    private void launch(Instance instance, Instant now) {
        if (context.closed().getAsBoolean()) {
            return; // a control plane that is gone starts nothing; the next one will
        }
        try {
            context.launcher().launch(spec, instance, now);
            dirty = true;
        } catch (IOException | RuntimeException e) {
            crashed(instance, "could not be started: " + e.getMessage(), now);
        }
    }

    /** Stops the instance for good, off the lock; it stays listed as stopping until its process is gone. */
    private void retire(Instance instance) {
        instance.phase = Phase.STOPPING;
        instance.ready = false;
        ProcessHandle process = instance.process;
        try {
            context.workers().execute(() -> {
                if (process != null) {
                    ProcessTree.stop(process, context.settings().stopTimeout());
                }
                synchronized (this) {
                    instances.remove(instance);
                    dirty = true;
                    save();
                }
                instance.removeFiles();
            });
        } catch (RejectedExecutionException e) {
            // The runtime is closing: the next control plane finds the instance extra and retires it.
        }
    }

    /** Stops every instance and forgets the app; returns when its processes are gone. */
    void delete() {
        List<Instance> stopping;
        synchronized (this) {
            if (deleting) {
                deleted.join();
                return;
            }
            deleting = true;
            stopping = List.copyOf(instances);
            stopping.forEach(i -> i.phase = Phase.STOPPING);
        }
        stopping.stream().filter(Instance::alive).map(i -> i.process)
                .map(process -> CompletableFuture.runAsync(() -> ProcessTree.stop(process, context.settings().stopTimeout()),
                        context.workers()))
                .toList().forEach(CompletableFuture::join);
        context.store().remove(id);
        deleted.complete(null);
    }

    CompletableFuture<Void> deleted() {
        return deleted;
    }

    boolean starting() {
        return starting;
    }

    synchronized boolean isDeleting() {
        return deleting;
    }

    synchronized AppStatus status() {
        return AppStatusReport.of(id, spec, templateGeneration, specComplete, deleting, instances);
    }

    synchronized List<InstanceOutput.Source> outputs() {
        return instances.stream().sorted(Comparator.comparing((Instance i) -> i.index).thenComparing(i -> i.templateGeneration))
                .map(i -> new InstanceOutput.Source(i.id, i.output)).toList();
    }

    synchronized List<Long> processIds() {
        return instances.stream().filter(Instance::alive).map(i -> i.process.pid()).toList();
    }

    private void save() {
        if (dirty && !deleting && !context.closed().getAsBoolean()) {
            context.store().save(AppTemplate.toRecord(spec, templateGeneration, instances));
            dirty = false;
        }
    }
}
