package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.PodOverhead;
import org.junit.jupiter.api.Test;

/** The hypervisor tier's pod overhead comes from its RuntimeClass, as the cluster counts it. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeOverheadTest {

    KubernetesClient client;

    private KubernetesRuntime runtime(Instant now) {
        return new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS,
                Clock.fixed(now, ZoneOffset.UTC), KubernetesRuntime.DEPARTMENT_RECHECK);
    }

    @Test
    void theHypervisorTierCostsWhatItsRuntimeClassDeclares() {
        client.resource(runtimeClass(Specs.SETTINGS.hypervisorRuntimeClass(), "250m", "160Mi")).create();
        client.resource(runtimeClass("other", "2", "2Gi")).create();
        KubernetesRuntime runtime = runtime(Instant.parse("2026-11-27T10:00:00Z"));

        assertThat(runtime.overhead(IsolationTier.HYPERVISOR)).isEqualTo(new PodOverhead(250, 160));
        assertThat(runtime.overhead(IsolationTier.STANDARD)).isEqualTo(PodOverhead.NONE);
        assertThat(runtime.overhead(IsolationTier.DEDICATED)).isEqualTo(PodOverhead.NONE);
    }

    @Test
    void fractionsAreRoundedUpAndAMissingRuntimeClassAddsNothing() {
        KubernetesRuntime runtime = runtime(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(runtime.overhead(IsolationTier.HYPERVISOR)).isEqualTo(PodOverhead.NONE);

        assertThat(RuntimeClassOverhead.of(runtimeClass("kata", "0.1005", "100M"))).isEqualTo(new PodOverhead(101, 96));
        assertThat(RuntimeClassOverhead.of(new RuntimeClassBuilder().withNewMetadata().withName("kata").endMetadata()
                .withHandler("kata").build())).isEqualTo(PodOverhead.NONE);
    }

    private static RuntimeClass runtimeClass(String name, String cpu, String memory) {
        return new RuntimeClassBuilder().withNewMetadata().withName(name).endMetadata().withHandler(name)
                .withNewOverhead().withPodFixed(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)))
                .endOverhead().build();
    }
}
