package org.govpaas.platform.runtime;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the local runtime.
 *
 * @param stateDir           where app state, instance directories and output live; default
 *                           {@code ${govpaas.data-dir}/apps}
 * @param javaExecutable     the {@code java} that runs instances; default the control plane's own
 * @param sandbox            {@code auto}: bubblewrap when it works here; {@code off}; {@code required}:
 *                           refuse to start without it
 * @param restartBackoff     wait before the first restart of a crashed instance; doubles per crash
 * @param maxRestartBackoff  the longest wait between restarts
 * @param crashLoopThreshold this many crashes of one instance within {@code crashLoopWindow} end its
 *                           restarts (FAILED) until a new generation is applied
 * @param stopTimeout        how long an instance may take to exit after SIGTERM before SIGKILL
 * @param maxOutputSize      an instance's output file is rotated (one old file kept) when it is
 *                           bigger than this, looked at when it starts and about once a second while
 *                           it runs
 * @param pollInterval       how often processes are checked and starting instances probed (ready ones
 *                           about once a second); apps with a starting instance are ticked every
 *                           20 ms as well, so a ready instance is found soon
 * @param stopAppsOnClose    stop every instance when the control plane shuts down; off by default so
 *                           that a restart re-adopts running apps, on for tests that must leave nothing behind
 * @param livenessTimeout    a running instance whose readiness check has failed for this long (a JVM
 *                           that hangs, deadlocks or spends its time collecting garbage) is killed
 *                           and restarted as a crashed one; the same 30 s as the Kubernetes runtime's
 *                           liveness probe (three failures 10 s apart on the readiness path)
 * @param startupCache       start app JVMs from a per-jar ahead-of-time cache made by one background
 *                           training run (JDK 25+; see {@code StartupCache})
 */
@ConfigurationProperties("govpaas.runtime.local")
record LocalRuntimeProperties(Path stateDir, Path javaExecutable, @DefaultValue("auto") SandboxMode sandbox,
                              @DefaultValue("1s") Duration restartBackoff, @DefaultValue("30s") Duration maxRestartBackoff,
                              @DefaultValue("5") int crashLoopThreshold, @DefaultValue("60s") Duration crashLoopWindow,
                              @DefaultValue("10s") Duration stopTimeout, @DefaultValue("10MB") DataSize maxOutputSize,
                              @DefaultValue("100ms") Duration pollInterval, @DefaultValue("false") boolean stopAppsOnClose,
                              @DefaultValue("30s") Duration livenessTimeout, @DefaultValue("true") boolean startupCache) {

    enum SandboxMode { AUTO, OFF, REQUIRED }

    /** These settings with the paths that default to the data folder and the running JVM filled in. */
    LocalRuntimeProperties withDefaults(Path dataDir) {
        Path state = stateDir != null ? stateDir : dataDir.resolve("apps");
        Path java = javaExecutable != null ? javaExecutable : Path.of(System.getProperty("java.home"), "bin", "java");
        return new LocalRuntimeProperties(state.toAbsolutePath().normalize(), java, sandbox, restartBackoff,
                maxRestartBackoff, crashLoopThreshold, crashLoopWindow, stopTimeout, maxOutputSize, pollInterval,
                stopAppsOnClose, livenessTimeout, startupCache);
    }

    /** The wait before restarting after the {@code crashes}-th recent crash. */
    Duration backoff(int crashes) {
        Duration wait = restartBackoff.multipliedBy(1L << Math.min(Math.max(crashes - 1, 0), 20));
        return wait.compareTo(maxRestartBackoff) > 0 ? maxRestartBackoff : wait;
    }
}
