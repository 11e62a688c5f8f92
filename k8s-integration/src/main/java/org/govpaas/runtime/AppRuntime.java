package org.govpaas.runtime;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Runs apps. Implementations: the local runtime (supervised processes, in platform-core) and
 * the Kubernetes runtime (this module). See the package documentation for the promises.
 */
public interface AppRuntime {

    /** A short name for status pages and logs, e.g. {@code local} or {@code kubernetes}. */
    String name();

    /** The isolation tiers this runtime can provide. */
    Set<IsolationTier> supportedIsolation();

    /**
     * Make the app converge to {@code spec}. Idempotent; may return before instances are ready.
     *
     * @throws IllegalArgumentException when the spec asks for something this runtime cannot do
     *                                  (e.g. an unsupported isolation tier); nothing is changed then
     */
    void apply(AppSpec spec);

    /**
     * Whether {@link #prepare} would do anything for this artifact; asked first, so that a
     * caller makes what a preparation needs (a scratch database, say) only when it is used.
     */
    default boolean needsPreparation(AppSpec.Artifact artifact) {
        return false;
    }

    /**
     * Gets ready, in the background, to start {@code spec}'s artifact sooner later; starts nothing
     * and holds no app ({@link #apps()} and {@link #status} do not change). The local runtime
     * makes the jar's startup cache; a runtime with nothing to prepare does nothing.
     *
     * @return completes once the preparation has ended, whether it succeeded or not (a jar whose
     *         preparation failed is prepared again at its first start), so that what the caller
     *         made for it (a scratch database, say) can go; at once when there is nothing this
     *         spec's preparation would do (the artifact's is under way already, say); exceptionally
     *         when the runtime closes before it has ended
     */
    default CompletionStage<Void> prepare(AppSpec spec) {
        return CompletableFuture.completedFuture(null);
    }

    /** Remove every instance of the app. Idempotent; an unknown app is not an error. */
    void delete(AppId id);

    /** What the runtime observes now; {@link AppStatus#unknown} for an app it does not run. */
    AppStatus status(AppId id);

    /** Every app this runtime currently holds, e.g. to find orphans after a crash. */
    List<AppId> apps();

    /** The newest {@code tail} lines of the app's output, oldest first. */
    default List<LogLine> logs(AppId id, int tail) {
        return List.of();
    }

    /**
     * Calls {@code sink} with every new output line until the returned handle is closed.
     * Runtimes that cannot follow return a handle that does nothing.
     */
    default AutoCloseable followLogs(AppId id, Consumer<LogLine> sink) {
        return () -> { };
    }

    /**
     * Calls {@code changed} with an app's id soon after its status changed by itself (an instance
     * became ready, crashed or gave up), until the returned handle is closed: a control plane
     * acts on it at once instead of at its next look. Runtimes that cannot tell return a handle
     * that does nothing; the control plane's own periodic look still sees every change.
     */
    default AutoCloseable watchStatus(Consumer<AppId> changed) {
        return () -> { };
    }

    /**
     * What the app's instances consume now, for metering; empty when the app is not running
     * here or the runtime cannot measure it.
     */
    default Optional<AppUsage> usage(AppId id) {
        return Optional.empty();
    }

    /** What every instance of {@code tier} costs beyond the app's own CPU and memory here. */
    default PodOverhead overhead(IsolationTier tier) {
        return PodOverhead.NONE;
    }
}
