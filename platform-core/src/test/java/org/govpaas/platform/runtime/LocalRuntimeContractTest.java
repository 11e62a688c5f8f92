package org.govpaas.platform.runtime;

import java.nio.file.Path;
import java.time.Duration;
import org.govpaas.platform.runtime.LocalRuntimeProperties.SandboxMode;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.contract.AbstractAppRuntimeContractTest;
import org.govpaas.runtime.contract.TestApp;
import org.govpaas.runtime.contract.TestAppJar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * The local runtime against the runtime contract, sandboxed by bubblewrap where it works here.
 * A control-plane restart is a new {@link LocalRuntime} on the same state folder after closing
 * the old one, which ends its supervision and leaves its processes running, like a crash would.
 */
class LocalRuntimeContractTest extends AbstractAppRuntimeContractTest {

    @TempDir
    static Path jarDir;
    static Path jar;

    @TempDir
    Path stateDir;
    private LocalRuntime current;

    @BeforeAll
    static void buildTestApp() {
        jar = TestAppJar.build(jarDir);
    }

    @Override
    protected AppRuntime runtime() {
        current = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        return current;
    }

    @Override
    protected AppRuntime restartedRuntime() {
        current.close();
        current = new LocalRuntime(LocalProcesses.testSettings(stateDir, SandboxMode.AUTO));
        return current;
    }

    @Override
    protected AppSpec.Artifact artifact(TestApp.Behaviour behaviour) {
        return new AppSpec.Artifact(jar, null);
    }

    @Override
    protected Duration convergenceTimeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    protected long countInstanceProcesses(AppId id) {
        return LocalProcesses.jvms(stateDir, id).size();
    }

    @Override
    protected void killInstanceProcess(AppId id, String instanceId) {
        LocalProcesses.jvms(stateDir, id).stream()
                .filter(p -> LocalProcesses.instanceDir(p).endsWith("/instances/" + instanceId))
                .forEach(ProcessHandle::destroyForcibly);
    }
}
