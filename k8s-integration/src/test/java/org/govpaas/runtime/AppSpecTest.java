package org.govpaas.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AppSpecTest {

    /** A spec that reaches a log or an exception message must not carry the app's secrets there. */
    @Test
    void itsTextNamesTheEnvironmentsVariablesButNotTheirValues() {
        AppSpec spec = new AppSpec(new AppId("health", "clinic"), 3, new AppSpec.Artifact(Path.of("clinic.jar"), null),
                2, 256, Map.of("SPRING_DATASOURCE_PASSWORD", "s3cret-value", "GOVPAAS_PARAM_TITLE", "门诊"),
                new AppSpec.HealthCheck("/ready", 30), IsolationTier.PROCESS, "/apps/health/clinic/", 1);

        assertThat(spec.toString()).contains("health", "clinic", "generation=3", "instances=2",
                "[GOVPAAS_PARAM_TITLE, SPRING_DATASOURCE_PASSWORD]").doesNotContain("s3cret-value", "门诊");
    }
}
