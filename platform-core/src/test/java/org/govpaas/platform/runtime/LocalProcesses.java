package org.govpaas.platform.runtime;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.govpaas.platform.runtime.LocalRuntimeProperties.SandboxMode;
import org.govpaas.runtime.AppId;
import org.springframework.util.unit.DataSize;

/** Finds instance JVMs the way an operator would with {@code ps}, independent of the runtime's records. */
final class LocalProcesses {

    private LocalProcesses() {
    }

    /** Quick backoff and polling so crash loops and restarts show within seconds. */
    static LocalRuntimeProperties testSettings(Path stateDir, SandboxMode sandbox) {
        return testSettings(stateDir, sandbox, false, Duration.ofSeconds(30));
    }

    /** The test settings, stopping every instance on close or not, with the given liveness timeout. */
    static LocalRuntimeProperties testSettings(Path stateDir, SandboxMode sandbox, boolean stopAppsOnClose,
                                               Duration livenessTimeout) {
        return new LocalRuntimeProperties(stateDir, null, sandbox, Duration.ofMillis(100), Duration.ofSeconds(1), 5,
                Duration.ofSeconds(60), Duration.ofSeconds(10), DataSize.ofMegabytes(1), Duration.ofMillis(100),
                stopAppsOnClose, livenessTimeout, true).withDefaults(stateDir);
    }

    /** The JVMs (not their bubblewrap parents) running instances of the app. */
    static List<ProcessHandle> jvms(Path stateDir, AppId id) {
        String prefix = stateDir.toAbsolutePath().normalize().resolve(id.department()).resolve(id.name()) + "/instances/";
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .filter(p -> instanceDir(p).startsWith(prefix))
                .toList();
    }

    static String instanceDir(ProcessHandle process) {
        return process.info().arguments().stream().flatMap(Arrays::stream)
                .filter(arg -> arg.startsWith(ProcessTree.INSTANCE_DIR_PROPERTY))
                .map(arg -> arg.substring(ProcessTree.INSTANCE_DIR_PROPERTY.length()))
                .findFirst().orElse("");
    }
}
