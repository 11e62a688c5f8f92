package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.RuntimeState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Deleting leaves no orphan; {@code apps()} finds every app from the cluster alone. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeDeleteTest {

    private static final List<Class<? extends HasMetadata>> APP_KINDS = List.of(Deployment.class, Service.class,
            Ingress.class, Secret.class, ServiceAccount.class, PodDisruptionBudget.class);
    private static final AppId PERMITS = new AppId("health", "permits");
    private static final AppId POTHOLES = new AppId("city-management", "potholes");

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesRuntime runtime;

    @BeforeEach
    void newRuntime() {
        runtime = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS);
    }

    @Test
    void deletingAnAppLeavesNothingWithItsLabelsAndTouchesNoOtherApp() {
        runtime.apply(Specs.clinic(3, IsolationTier.STANDARD));
        runtime.apply(Specs.spec(PERMITS, 1, 2, IsolationTier.STANDARD));
        assertThat(ownedBy(Specs.CLINIC)).hasSize(APP_KINDS.size());

        runtime.delete(Specs.CLINIC);

        assertThat(ownedBy(Specs.CLINIC)).isEmpty();
        assertThat(ownedBy(PERMITS)).hasSize(APP_KINDS.size());
        assertThat(runtime.status(Specs.CLINIC).state()).isEqualTo(RuntimeState.UNKNOWN);
        assertThat(runtime.apps()).containsExactly(PERMITS);
    }

    @Test
    void theDepartmentKeepsItsNamespaceQuotaAndPoliciesWhenItsLastAppGoes() {
        runtime.apply(Specs.clinic(1, IsolationTier.STANDARD));

        runtime.delete(Specs.CLINIC);

        assertThat(client.namespaces().withName("govpaas-health").get()).isNotNull();
        assertThat(client.resources(ResourceQuota.class).inNamespace("govpaas-health").list().getItems()).hasSize(1);
        assertThat(client.resources(LimitRange.class).inNamespace("govpaas-health").list().getItems()).hasSize(1);
        assertThat(client.resources(NetworkPolicy.class).inNamespace("govpaas-health").list().getItems()).hasSize(4);
    }

    @Test
    void deletingTwiceOrDeletingAnUnknownAppIsNoError() {
        runtime.apply(Specs.clinic(1, IsolationTier.STANDARD));
        runtime.delete(Specs.CLINIC);

        assertThatCode(() -> runtime.delete(Specs.CLINIC)).doesNotThrowAnyException();
        assertThatCode(() -> runtime.delete(new AppId("sme-services", "never"))).doesNotThrowAnyException();
    }

    @Test
    void appsListsTheManagedAppsOfEveryDepartmentAndNothingElse() {
        runtime.apply(Specs.clinic(1, IsolationTier.STANDARD));
        runtime.apply(Specs.spec(POTHOLES, 1, 1, IsolationTier.DEDICATED));
        client.resource(new DeploymentBuilder().withNewMetadata().withName("hand-made").withNamespace("govpaas-health")
                .withLabels(Map.of("govpaas.org/app", "hand-made")).endMetadata()
                .withNewSpec().withNewSelector().withMatchLabels(Map.of("x", "y")).endSelector().endSpec().build()).create();

        assertThat(runtime.apps()).containsExactlyInAnyOrder(Specs.CLINIC, POTHOLES);
        assertThat(new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS).apps())
                .as("a restarted control plane finds the same apps").containsExactlyInAnyOrder(Specs.CLINIC, POTHOLES);
    }

    @Test
    void aStoppedAppIsStillAnApp() {
        runtime.apply(Specs.spec(Specs.CLINIC, 2, 0, IsolationTier.STANDARD));

        assertThat(runtime.apps()).containsExactly(Specs.CLINIC);
        assertThat(runtime.status(Specs.CLINIC).state()).isEqualTo(RuntimeState.STOPPED);
    }

    private List<HasMetadata> ownedBy(AppId id) {
        Map<String, String> labels = KubernetesNames.appLabels(id);
        return APP_KINDS.stream()
                .flatMap(kind -> client.resources(kind).inAnyNamespace().withLabels(labels).list().getItems().stream())
                .map(HasMetadata.class::cast)
                .toList();
    }
}
