package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.IsolationTier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A department's own objects are confirmed once and then trusted for a while, so that its other
 * apps do not read them again; a changed quota is applied at once, a hand-made change is repaired
 * after the recheck time.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeDepartmentRecheckTest {

    private static final AppId PERMITS = new AppId("health", "permits");

    KubernetesMockServer server;
    KubernetesClient client;
    private final TestClock clock = new TestClock();
    private final AtomicReference<DepartmentLimits> limits = new AtomicReference<>(Specs.HEALTH_LIMITS);
    private KubernetesRuntime runtime;

    @BeforeEach
    void clinicApplied() throws InterruptedException {
        runtime = new KubernetesRuntime(client, Specs.SETTINGS, department -> limits.get(), clock,
                KubernetesRuntime.DEPARTMENT_RECHECK);
        runtime.apply(Specs.clinic(1, IsolationTier.STANDARD));
        MockApiRequests.drain(server);
    }

    @Test
    void anotherAppOfTheDepartmentTouchesOnlyItsOwnObjects() throws InterruptedException {
        runtime.apply(Specs.spec(PERMITS, 1, 1, IsolationTier.STANDARD));

        assertThat(MockApiRequests.drain(server)).noneMatch(KubernetesRuntimeDepartmentRecheckTest::departmentObject)
                .anyMatch(request -> request.startsWith("POST /apis/apps/v1/namespaces/govpaas-health/deployments"));
    }

    @Test
    void aChangedQuotaIsWrittenAtOnce() throws InterruptedException {
        limits.set(new DepartmentLimits(20, 8192, 250));

        runtime.apply(Specs.clinic(1, IsolationTier.STANDARD));

        assertThat(MockApiRequests.writes(MockApiRequests.drain(server)))
                .contains("PUT /api/v1/namespaces/govpaas-health/resourcequotas/govpaas-department-quota");
        assertThat(client.resources(ResourceQuota.class).inNamespace("govpaas-health").list().getItems().getFirst()
                .getSpec().getHard().get("pods").toString()).isEqualTo("20");
    }

    @Test
    void aNamespaceDeletedByHandIsRecreatedOnceTheRecheckTimeHasPassed() throws InterruptedException {
        client.namespaces().withName("govpaas-health").delete();
        runtime.apply(Specs.clinic(1, IsolationTier.STANDARD));
        assertThat(client.namespaces().withName("govpaas-health").get()).isNull();

        clock.advance(KubernetesRuntime.DEPARTMENT_RECHECK);
        runtime.apply(Specs.clinic(1, IsolationTier.STANDARD));

        Namespace namespace = client.namespaces().withName("govpaas-health").get();
        assertThat(namespace).isNotNull();
        assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
    }

    private static boolean departmentObject(String request) {
        return List.of("/resourcequotas", "/limitranges", "/networkpolicies").stream().anyMatch(request::contains)
                || request.matches("^[A-Z]+ /api/v1/namespaces/govpaas-health$");
    }
}
