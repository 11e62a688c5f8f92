package org.govpaas.platform.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.IsolationTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The bean other modules get, and the settings an operator can change. */
class LocalRuntimeConfigurationTest {

    @TempDir
    Path dataDir;

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(LocalRuntimeConfiguration.class);

    @Test
    void theLocalRuntimeKeepsItsStateInTheDataFolderByDefault() {
        context.withPropertyValues("govpaas.data-dir=" + dataDir).run(ctx -> {
            assertThat(ctx).hasSingleBean(AppRuntime.class);
            assertThat(ctx.getBean(AppRuntime.class).name()).isEqualTo("local");
            assertThat(dataDir.resolve("apps/.lock")).exists();
        });
    }

    @Test
    void settingsBindFromProperties() {
        context.withPropertyValues("govpaas.data-dir=" + dataDir, "govpaas.runtime.local.state-dir=" + dataDir.resolve("elsewhere"),
                "govpaas.runtime.local.sandbox=off", "govpaas.runtime.local.crash-loop-threshold=3").run(ctx -> {
            LocalRuntimeProperties properties = ctx.getBean(LocalRuntimeProperties.class);
            assertThat(properties.crashLoopThreshold()).isEqualTo(3);
            assertThat(properties.restartBackoff()).hasSeconds(1);
            assertThat(ctx.getBean(AppRuntime.class).supportedIsolation()).containsExactly(IsolationTier.PROCESS);
            assertThat(dataDir.resolve("elsewhere/.lock")).exists();
        });
    }

    @Test
    void appsKeepRunningWhenThePlatformStopsUnlessAskedOtherwise() {
        context.withPropertyValues("govpaas.data-dir=" + dataDir).run(ctx ->
                assertThat(ctx.getBean(LocalRuntimeProperties.class).stopAppsOnClose()).isFalse());
    }

    @Test
    void anotherRuntimeKindLeavesTheLocalOneOut() {
        context.withPropertyValues("govpaas.data-dir=" + dataDir, "govpaas.runtime.kind=kubernetes")
                .run(ctx -> assertThat(ctx).doesNotHaveBean(AppRuntime.class));
    }
}
