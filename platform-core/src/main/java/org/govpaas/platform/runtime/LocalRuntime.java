package org.govpaas.platform.runtime;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.AppUsage;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.LogLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime of the one-machine mode: every instance a supervised {@code java -jar} process on
 * 127.0.0.1 (see the package documentation). Its state lives in {@code stateDir}; a new
 * {@code LocalRuntime} over the same folder adopts the instances an earlier one left running and
 * stops processes it cannot account for. {@link #close()} ends supervision only: apps keep
 * running for the next control plane to adopt; a startup-cache training, the runtime's own work,
 * is stopped.
 */
final class LocalRuntime implements AppRuntime, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRuntime.class);
    /** How often apps with a starting instance are ticked (probed), besides every app at the poll interval. */
    private static final long STARTING_POLL_MILLIS = 20;

    private final LocalRuntimeProperties settings;
    private final Sandbox sandbox;
    private final RuntimeContext context;
    private final ConcurrentMap<AppId, AppSupervisor> apps = new ConcurrentHashMap<>();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final Set<AppId> ticking = ConcurrentHashMap.newKeySet();
    private final List<Consumer<AppId>> statusWatchers = new CopyOnWriteArrayList<>();
    private final FileChannel lockFile;
    private volatile boolean closed;

    LocalRuntime(LocalRuntimeProperties settings) {
        this.settings = settings;
        this.lockFile = lock(settings.stateDir());
        // The state folder's parent is the platform's data folder (secret key, databases).
        Path stateDir = settings.stateDir().toAbsolutePath();
        this.sandbox = Sandbox.detect(settings.sandbox(), settings.javaExecutable())
                .hiding(stateDir.getParent() == null ? List.of(stateDir) : List.of(stateDir.getParent()));
        StateStore store = new StateStore(settings.stateDir());
        this.context = new RuntimeContext(settings, new InstanceLauncher(settings, sandbox), store,
                new ReadinessProbe(), workers, () -> closed, this::statusChanged);
        recover(store);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("local-runtime").factory());
        scheduler.scheduleWithFixedDelay(() -> tick(supervisor -> true), 0, settings.pollInterval().toMillis(),
                TimeUnit.MILLISECONDS);
        // An instance turning ready is found this much sooner: every deploy, restart and scale-up waits for it.
        scheduler.scheduleWithFixedDelay(() -> tick(AppSupervisor::starting), STARTING_POLL_MILLIS, STARTING_POLL_MILLIS,
                TimeUnit.MILLISECONDS);
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Set<IsolationTier> supportedIsolation() {
        return sandbox.enabled() ? Set.of(IsolationTier.PROCESS, IsolationTier.PROCESS_SANDBOXED) : Set.of(IsolationTier.PROCESS);
    }

    @Override
    public void apply(AppSpec spec) {
        check(spec);
        while (true) {
            AppSupervisor supervisor = apps.computeIfAbsent(spec.id(), id -> new AppSupervisor(id, context));
            if (supervisor.apply(spec)) {
                return;
            }
            supervisor.deleted().join(); // a delete is under way: apply to a fresh app after it
            apps.remove(spec.id(), supervisor);
        }
    }

    /** A Spring Boot jar without a startup cache, none being made, on a JDK that has the cache. */
    @Override
    public boolean needsPreparation(AppSpec.Artifact artifact) {
        if (artifact == null || artifact.jar() == null || !Files.isRegularFile(artifact.jar())) {
            return false;
        }
        try {
            return context.launcher().needsPreparation(artifact.jar());
        } catch (IOException | RuntimeException e) {
            log.warn("Could not look at {}: {}", artifact.jar(), e.toString());
            return false;
        }
    }

    /**
     * Copies the jar and has its startup cache made in the background when it has none (on the
     * cache's own training thread), so that even the first deploy of the jar starts from it.
     */
    @Override
    public CompletionStage<Void> prepare(AppSpec spec) {
        check(spec);
        return CompletableFuture.supplyAsync(() -> {
            try {
                return context.launcher().prepare(spec);
            } catch (IOException | RuntimeException e) {
                log.warn("Could not prepare {} to start sooner: {}", spec.artifact().jar(), e.toString());
                return CompletableFuture.<Void>completedFuture(null);
            }
        }, workers).thenCompose(ended -> ended);
    }

    /**
     * Refuses, before anything starts, what this runtime cannot do. A spec of no instances starts
     * nothing, so it is never refused for its isolation or jar: an app whose sandbox has become
     * unavailable since it was deployed can still be stopped, and its instances still end.
     */
    private void check(AppSpec spec) {
        if (spec.instances() > 0 && spec.isolation() != null && !supportedIsolation().contains(spec.isolation())) {
            throw new IllegalArgumentException("the local runtime cannot provide isolation tier "
                    + spec.isolation().label() + (sandbox.enabled() ? "" : " (bubblewrap is not available)")
                    + "; stop the app or change its isolation");
        }
        Path jar = spec.artifact() == null ? null : spec.artifact().jar();
        if (spec.instances() > 0 && (jar == null || !Files.isRegularFile(jar))) {
            throw new IllegalArgumentException("the local runtime needs an executable jar; not found: " + jar);
        }
        if (spec.health() == null || spec.health().readinessPath() == null || !spec.health().readinessPath().startsWith("/")) {
            throw new IllegalArgumentException("the local runtime needs a readiness path starting with /");
        }
    }

    @Override
    public void delete(AppId id) {
        AppSupervisor supervisor = apps.get(id);
        if (supervisor == null) {
            return; // every app on disk was loaded at start, so there is nothing else to remove
        }
        supervisor.delete();
        apps.remove(id, supervisor);
    }

    @Override
    public AppStatus status(AppId id) {
        AppSupervisor supervisor = apps.get(id);
        return supervisor == null ? AppStatus.unknown(id) : supervisor.status();
    }

    @Override
    public List<AppId> apps() {
        return apps.values().stream().filter(s -> !s.isDeleting()).map(s -> s.id)
                .sorted(Comparator.comparing(AppId::toString)).toList();
    }

    @Override
    public List<LogLine> logs(AppId id, int tail) {
        AppSupervisor supervisor = apps.get(id);
        return supervisor == null ? List.of() : InstanceOutput.tail(supervisor.outputs(), tail);
    }

    @Override
    public AutoCloseable followLogs(AppId id, Consumer<LogLine> sink) {
        return new OutputFollower(() -> {
            AppSupervisor supervisor = apps.get(id);
            return supervisor == null ? List.of() : supervisor.outputs();
        }, sink, settings.pollInterval());
    }

    /** Supervisors tell as soon as a probe or an exit changed an app's status. */
    @Override
    public AutoCloseable watchStatus(Consumer<AppId> changed) {
        statusWatchers.add(changed);
        return () -> statusWatchers.remove(changed);
    }

    private void statusChanged(AppId id) {
        for (Consumer<AppId> watcher : statusWatchers) {
            try {
                watcher.accept(id);
            } catch (RuntimeException e) {
                log.warn("A status watcher failed on {}: {}", id, e.toString());
            }
        }
    }

    /** CPU and resident memory of the app's live instance process trees, from /proc. */
    @Override
    public Optional<AppUsage> usage(AppId id) {
        AppSupervisor supervisor = apps.get(id);
        return supervisor == null || supervisor.isDeleting() ? Optional.empty() : ProcessUsage.of(supervisor.processIds());
    }

    /** Each app ticks on its own virtual thread, so a slow probe of one app never delays another. */
    private void tick(Predicate<AppSupervisor> which) {
        for (AppSupervisor supervisor : apps.values()) {
            if (which.test(supervisor) && ticking.add(supervisor.id)) {
                try {
                    workers.execute(() -> {
                        try {
                            supervisor.tick();
                        } catch (RuntimeException e) {
                            log.error("Supervising app {} failed", supervisor.id, e);
                        } finally {
                            ticking.remove(supervisor.id);
                        }
                    });
                } catch (RuntimeException e) {
                    ticking.remove(supervisor.id); // closing
                }
            }
        }
    }

    /**
     * Adopts what an earlier control plane recorded, then stops every instance process under the
     * state folder that no record accounts for: one started just before that control plane died,
     * before it could record it. Without this, a restart could leave a duplicate running forever.
     */
    private void recover(StateStore store) {
        Instant now = Instant.now();
        Set<Long> known = new HashSet<>();
        for (StateStore.AppRecord record : store.loadAll()) {
            AppSupervisor supervisor = AppSupervisor.recover(record, context, now);
            apps.put(supervisor.id, supervisor);
            known.addAll(supervisor.processIds());
            log.info("Recovered app {} with {} live instance(s)", supervisor.id, supervisor.processIds().size());
        }
        for (ProcessHandle orphan : ProcessTree.instanceRoots(settings.stateDir())) {
            if (!known.contains(orphan.pid())) {
                log.warn("Stopping instance process {} that no app record accounts for", orphan.pid());
                workers.execute(() -> ProcessTree.stop(orphan, settings.stopTimeout()));
            }
        }
    }

    /** Two control planes on one state folder would fight over every process. */
    private static FileChannel lock(Path stateDir) {
        try {
            Files.createDirectories(stateDir);
            FileChannel channel = FileChannel.open(stateDir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new IllegalStateException("another control plane uses the app state in " + stateDir);
            }
            return channel;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot use the app state folder " + stateDir, e);
        }
    }

    /** Ends supervision and releases the state folder; app processes keep running unless configured otherwise. */
    @Override
    public void close() {
        closed = true;
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(10, TimeUnit.SECONDS);
            if (settings.stopAppsOnClose()) {
                // Records stay: the next start finds the processes gone and starts them again when re-applied.
                apps.values().stream().flatMap(s -> s.processIds().stream()).map(ProcessHandle::of)
                        .flatMap(Optional::stream)
                        .map(p -> CompletableFuture.runAsync(() -> ProcessTree.stop(p, settings.stopTimeout()), workers))
                        .toList().forEach(CompletableFuture::join);
            }
            workers.shutdownNow();
            workers.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        context.launcher().close();
        try {
            lockFile.close();
        } catch (IOException e) {
            log.warn("Cannot release the app state lock: {}", e.toString());
        }
    }
}
