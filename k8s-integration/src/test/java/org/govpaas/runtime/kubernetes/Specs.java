package org.govpaas.runtime.kubernetes;

import java.util.List;
import java.util.Map;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;

/** Specs, settings and limits the tests share; the values are chosen to be told apart in assertions. */
final class Specs {

    static final AppId CLINIC = new AppId("health", "clinic");
    static final DepartmentLimits HEALTH_LIMITS = new DepartmentLimits(12, 6144, 250);
    static final PlatformService DATABASE = PlatformService.outside("database", "10.20.0.0/16", 5432);
    static final PlatformService KEYCLOAK = PlatformService.inNamespace("keycloak",
            Map.of("kubernetes.io/metadata.name", "keycloak"), Map.of("app", "keycloak"), 8443);
    static final KubernetesSettings SETTINGS = new KubernetesSettings("public-nginx", "services.city.gov",
            Map.of("kubernetes.io/metadata.name", "ingress-system"), "kata-qemu", "govpaas.org/pool", "sandboxed",
            List.of(DATABASE, KEYCLOAK));

    private Specs() {
    }

    static AppSpec spec(AppId id, long generation, int instances, IsolationTier tier) {
        return spec(id, generation, instances, tier, Map.of("DB_PASSWORD", "s3cret-value", "GREETING", "hello"));
    }

    static AppSpec spec(AppId id, long generation, int instances, IsolationTier tier, Map<String, String> env) {
        return new AppSpec(id, generation, new AppSpec.Artifact(null, "registry.city.gov/health/clinic:1.4.2"),
                instances, 384, env, new AppSpec.HealthCheck("/actuator/health/readiness", 42), tier,
                "/apps/" + id.department() + "/" + id.name() + "/", 0);
    }

    static AppSpec clinic(int instances, IsolationTier tier) {
        return spec(CLINIC, 1, instances, tier);
    }
}
