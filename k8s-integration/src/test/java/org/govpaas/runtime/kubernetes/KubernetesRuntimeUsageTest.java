package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fabric8.kubernetes.api.model.Duration;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsList;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.govpaas.runtime.AppUsage;
import org.govpaas.runtime.IsolationTier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Usage for metering, from the metrics API when the cluster serves it, else from the pods' requests. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeUsageTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String METRICS_PATH = "/apis/metrics.k8s.io/v1beta1/namespaces/govpaas-health/pods"
            + "?labelSelector=govpaas.org%2Fapp%3Dclinic%2Cgovpaas.org%2Fdepartment%3Dhealth";
    private static final long MIB = 1024 * 1024;

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesRuntime runtime;

    @BeforeEach
    void twoPodsOfTheClinicRunning() {
        runtime = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS,
                Clock.fixed(NOW, ZoneOffset.UTC), KubernetesRuntime.DEPARTMENT_RECHECK);
        runtime.apply(Specs.clinic(2, IsolationTier.STANDARD));
        runningPod("clinic-a", NOW.minusSeconds(600));
        runningPod("clinic-b", NOW.minusSeconds(300));
    }

    @Test
    void withoutAMetricsServerUsageIsWhatThePodsRequestedSinceTheyStarted() {
        server.expect().get().withPath(METRICS_PATH).andReturn(404, "").always();

        AppUsage usage = runtime.usage(Specs.CLINIC).orElseThrow();

        // 250 millicores requested per pod (the department's per-instance CPU), 384 MiB each.
        assertThat(usage.source()).isEqualTo("requests");
        assertThat(usage.cpuSecondsTotal()).isCloseTo(0.25 * 600 + 0.25 * 300, within(1e-9));
        assertThat(usage.memoryBytes()).isEqualTo(2 * 384 * MIB);
    }

    @Test
    void withAMetricsServerCpuIsIntegratedFromTheMeasuredRatesAndMemoryIsWhatIsResident() {
        server.expect().get().withPath(METRICS_PATH)
                .andReturn(200, metrics("2026-11-27T09:59:30Z", "120m", "200Mi", "30m", "100Mi")).once();
        server.expect().get().withPath(METRICS_PATH)
                .andReturn(200, metrics("2026-11-27T10:00:30Z", "100m", "210Mi", "50m", "90Mi")).once();

        AppUsage first = runtime.usage(Specs.CLINIC).orElseThrow();
        AppUsage second = runtime.usage(Specs.CLINIC).orElseThrow();

        assertThat(first.source()).isEqualTo("metrics-api");
        // The first figure of a pod stands for its 30 s window: (0.120 + 0.030) cores x 30 s.
        assertThat(first.cpuSecondsTotal()).isCloseTo(4.5, within(1e-9));
        assertThat(first.memoryBytes()).isEqualTo(300 * MIB);
        // 60 s later at (0.100 + 0.050) cores: 9 CPU-seconds more; the counter only grows.
        assertThat(second.cpuSecondsTotal()).isCloseTo(13.5, within(1e-9));
        assertThat(second.memoryBytes()).isEqualTo(300 * MIB);
    }

    @Test
    void anAppWithNoRunningPodHasNoUsage() {
        client.pods().inNamespace("govpaas-health").withName("clinic-a").delete();
        client.pods().inNamespace("govpaas-health").withName("clinic-b").delete();

        assertThat(runtime.usage(Specs.CLINIC)).isEmpty();
    }

    private void runningPod(String name, Instant started) {
        Deployment deployment = client.apps().deployments().inNamespace("govpaas-health").withName("clinic").get();
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace("govpaas-health")
                .withLabels(deployment.getSpec().getTemplate().getMetadata().getLabels()).endMetadata()
                .withSpec(deployment.getSpec().getTemplate().getSpec())
                .withNewStatus().withPhase("Running").withStartTime(started.toString()).endStatus()
                .build();
        client.pods().resource(pod).create();
    }

    private static PodMetricsList metrics(String timestamp, String cpuA, String memoryA, String cpuB, String memoryB) {
        return new PodMetricsListBuilder()
                .addToItems(podMetrics("clinic-a", timestamp, cpuA, memoryA))
                .addToItems(podMetrics("clinic-b", timestamp, cpuB, memoryB))
                .build();
    }

    private static PodMetrics podMetrics(
            String pod, String timestamp, String cpu, String memory) {
        return new PodMetricsBuilder()
                .withNewMetadata().withName(pod).withNamespace("govpaas-health").endMetadata()
                .withTimestamp(timestamp)
                .withWindow(new Duration(java.time.Duration.ofSeconds(30)))
                .addNewContainer().withName(AppDeployment.CONTAINER)
                .withUsage(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory))).endContainer()
                .build();
    }
}
