package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The write path against the fabric8 CRUD mock API server: what is written, and when nothing is. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeApplyTest {

    private static final String NAMESPACE = "govpaas-health";
    /** Namespace, quota, limit range, 4 network policies, service account, secret, deployment, service, ingress. */
    private static final int OBJECTS_WITHOUT_BUDGET = 12;
    /** Namespace, quota, limit range, 4 network policies. */
    private static final int DEPARTMENT_OBJECTS = 7;

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesRuntime runtime;

    @BeforeEach
    void newRuntime() throws InterruptedException {
        runtime = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS);
        MockApiRequests.drain(server);
    }

    @Test
    void theFirstApplyCreatesEveryObjectOfTheDepartmentAndTheApp() throws InterruptedException {
        runtime.apply(Specs.clinic(2, IsolationTier.HYPERVISOR));

        List<String> writes = MockApiRequests.writes(MockApiRequests.drain(server));
        assertThat(writes).hasSize(OBJECTS_WITHOUT_BUDGET + 1).allSatisfy(w -> assertThat(w).startsWith("POST "));
        assertThat(client.namespaces().withName(NAMESPACE).get().getMetadata().getLabels())
                .containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(client.resources(ResourceQuota.class).inNamespace(NAMESPACE).list().getItems()).hasSize(1);
        assertThat(client.resources(LimitRange.class).inNamespace(NAMESPACE).list().getItems()).hasSize(1);
        assertThat(client.resources(NetworkPolicy.class).inNamespace(NAMESPACE).list().getItems()).hasSize(4);
        for (Class<? extends HasMetadata> kind : List.of(ServiceAccount.class, Secret.class, Deployment.class,
                Service.class, Ingress.class, PodDisruptionBudget.class)) {
            assertThat(client.resources(kind).inNamespace(NAMESPACE).withLabels(KubernetesNames.appLabels(Specs.CLINIC))
                    .list().getItems()).as(kind.getSimpleName()).hasSize(1);
        }
        Deployment deployment = deployment();
        assertThat(deployment.getSpec().getTemplate().getSpec().getRuntimeClassName()).isEqualTo("kata-qemu");
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsEntry(KubernetesNames.ENVIRONMENT_VERSION, secret().getMetadata().getResourceVersion());
    }

    @Test
    void applyingTheSameSpecAgainOnlyReads() throws InterruptedException {
        AppSpec spec = Specs.clinic(2, IsolationTier.STANDARD);
        runtime.apply(spec);
        MockApiRequests.drain(server);

        runtime.apply(spec);

        List<String> requests = MockApiRequests.drain(server);
        assertThat(MockApiRequests.writes(requests)).isEmpty();
        // One read per object of the app; the department's seven were confirmed a moment ago.
        assertThat(requests).hasSize(OBJECTS_WITHOUT_BUDGET + 1 - DEPARTMENT_OBJECTS)
                .noneMatch(request -> request.contains("/networkpolicies") || request.contains("/resourcequotas"));
    }

    @Test
    void aRestartedControlPlaneReapplyingEverySpecWritesNothing() throws InterruptedException {
        AppSpec one = Specs.clinic(1, IsolationTier.DEDICATED);
        AppSpec other = Specs.spec(new org.govpaas.runtime.AppId("health", "permits"), 4, 3, IsolationTier.STANDARD);
        runtime.apply(one);
        runtime.apply(other);
        MockApiRequests.drain(server);

        KubernetesRuntime restarted = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS);
        restarted.apply(one);
        restarted.apply(other);

        assertThat(MockApiRequests.writes(MockApiRequests.drain(server))).isEmpty();
    }

    @Test
    void scalingUpWritesOnlyTheDeploymentAndTheNewBudgetAndKeepsThePods() throws InterruptedException {
        runtime.apply(Specs.spec(Specs.CLINIC, 1, 1, IsolationTier.STANDARD));
        String podTemplateVersion = environmentVersion(deployment());
        MockApiRequests.drain(server);

        runtime.apply(Specs.spec(Specs.CLINIC, 2, 3, IsolationTier.STANDARD));

        assertThat(MockApiRequests.writes(MockApiRequests.drain(server))).containsExactlyInAnyOrder(
                "PUT /apis/apps/v1/namespaces/govpaas-health/deployments/clinic",
                "POST /apis/policy/v1/namespaces/govpaas-health/poddisruptionbudgets");
        Deployment deployment = deployment();
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getMetadata().getAnnotations()).containsEntry(KubernetesNames.GENERATION, "2");
        assertThat(environmentVersion(deployment)).as("the pod template must not change: no restart")
                .isEqualTo(podTemplateVersion);
    }

    @Test
    void aChangedEnvironmentUpdatesTheSecretAndRollsThePods() throws InterruptedException {
        runtime.apply(Specs.spec(Specs.CLINIC, 1, 1, IsolationTier.STANDARD, Map.of("RELEASE", "one")));
        String before = environmentVersion(deployment());
        MockApiRequests.drain(server);

        runtime.apply(Specs.spec(Specs.CLINIC, 2, 1, IsolationTier.STANDARD, Map.of("RELEASE", "two")));

        assertThat(MockApiRequests.writes(MockApiRequests.drain(server))).containsExactly(
                "PUT /api/v1/namespaces/govpaas-health/secrets/clinic-env",
                "PUT /apis/apps/v1/namespaces/govpaas-health/deployments/clinic");
        assertThat(secret().getStringData()).containsOnly(Map.entry("RELEASE", "two"));
        assertThat(environmentVersion(deployment())).isNotEqualTo(before)
                .isEqualTo(secret().getMetadata().getResourceVersion());
    }

    @Test
    void scalingBelowTwoRemovesTheBudget() {
        runtime.apply(Specs.spec(Specs.CLINIC, 1, 3, IsolationTier.STANDARD));
        assertThat(client.resources(PodDisruptionBudget.class).inNamespace(NAMESPACE).list().getItems()).hasSize(1);

        runtime.apply(Specs.spec(Specs.CLINIC, 2, 1, IsolationTier.STANDARD));

        assertThat(client.resources(PodDisruptionBudget.class).inNamespace(NAMESPACE).list().getItems()).isEmpty();
        assertThat(deployment().getSpec().getReplicas()).isEqualTo(1);
    }

    @Test
    void aNewTierMovesThePodsToItsPool() {
        runtime.apply(Specs.spec(Specs.CLINIC, 1, 1, IsolationTier.STANDARD));

        runtime.apply(Specs.spec(Specs.CLINIC, 2, 1, IsolationTier.DEDICATED));

        assertThat(deployment().getSpec().getTemplate().getSpec().getNodeSelector())
                .containsOnly(Map.entry("govpaas.org/department-pool", "health"));
        assertThat(runtime.status(Specs.CLINIC).isolation()).isEqualTo(IsolationTier.DEDICATED);
    }

    @Test
    void aProcessTierIsRefusedBeforeAnyRequest() throws InterruptedException {
        assertThatThrownBy(() -> runtime.apply(Specs.clinic(1, IsolationTier.PROCESS)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("process");

        assertThat(MockApiRequests.drain(server)).isEmpty();
        assertThat(client.namespaces().withName(NAMESPACE).get()).isNull();
    }

    @Test
    void anInvalidSpecIsRefusedBeforeAnyRequest() throws InterruptedException {
        AppSpec spec = Specs.spec(Specs.CLINIC, 1, 1, IsolationTier.STANDARD, Map.of("NOT VALID", "x"));

        assertThatThrownBy(() -> runtime.apply(spec)).hasMessageStartingWith("environment:");

        assertThat(MockApiRequests.drain(server)).isEmpty();
    }

    @Test
    void aDepartmentWithoutQuotaIsRefusedBeforeAnyRequest() throws InterruptedException {
        KubernetesRuntime withoutQuota = new KubernetesRuntime(client, Specs.SETTINGS, department -> null);

        assertThatThrownBy(() -> withoutQuota.apply(Specs.clinic(1, IsolationTier.STANDARD)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("health");

        assertThat(MockApiRequests.drain(server)).isEmpty();
    }

    @Test
    void anObjectSomeoneElseMadeUnderTheAppsNameIsNotTakenOver() {
        client.namespaces().resource(DepartmentNamespace.desired("health")).create();
        client.resource(new ServiceBuilder().withNewMetadata().withName("clinic").withNamespace(NAMESPACE)
                .endMetadata().withNewSpec().withType("ExternalName").withExternalName("legacy.city.gov").endSpec()
                .build()).create();

        assertThatThrownBy(() -> runtime.apply(Specs.clinic(1, IsolationTier.STANDARD)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not managed by govpaas");

        Service service = client.services().inNamespace(NAMESPACE).withName("clinic").get();
        assertThat(service.getSpec().getExternalName()).isEqualTo("legacy.city.gov");
    }

    @Test
    void theDigestDoesNotDependOnTheOrderMapsWereFilledIn() {
        ObjectApplier applier = new ObjectApplier(client);
        Map<String, String> forward = new java.util.LinkedHashMap<>();
        Map<String, String> backward = new java.util.LinkedHashMap<>();
        for (int i = 0; i < 20; i++) {
            forward.put("KEY_" + i, "v" + i);
            backward.put("KEY_" + (19 - i), "v" + (19 - i));
        }
        Secret one = AppSecret.desired(Specs.spec(Specs.CLINIC, 1, 1, IsolationTier.STANDARD, forward));
        Secret two = AppSecret.desired(Specs.spec(Specs.CLINIC, 1, 1, IsolationTier.STANDARD, backward));
        Secret changed = AppSecret.desired(Specs.spec(Specs.CLINIC, 1, 1, IsolationTier.STANDARD, Map.of("KEY_0", "v1")));
        one.setStringData(forward);
        two.setStringData(backward);

        assertThat(applier.digest(one)).isEqualTo(applier.digest(two)).isNotEqualTo(applier.digest(changed));
    }

    private Deployment deployment() {
        return client.apps().deployments().inNamespace(NAMESPACE).withName("clinic").get();
    }

    private Secret secret() {
        return client.secrets().inNamespace(NAMESPACE).withName("clinic-env").get();
    }

    private static String environmentVersion(Deployment deployment) {
        return deployment.getSpec().getTemplate().getMetadata().getAnnotations().get(KubernetesNames.ENVIRONMENT_VERSION);
    }
}
