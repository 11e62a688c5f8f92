package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.Map;
import java.util.stream.Collectors;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every object of an app, for every tier, field by field against the spec and the department's quota. */
class AppObjectsTest {

    private static final Map<String, String> APP_LABELS = Map.of("govpaas.org/department", "health",
            "govpaas.org/app", "clinic", "app.kubernetes.io/managed-by", "govpaas");

    @ParameterizedTest
    @EnumSource(value = IsolationTier.class, names = {"STANDARD", "HYPERVISOR", "DEDICATED"})
    void theDeploymentRunsTheImageWithTheSpecsInstancesLabelsAndGeneration(IsolationTier tier) {
        Deployment deployment = deployment(Specs.spec(Specs.CLINIC, 7, 3, tier));

        assertThat(deployment.getMetadata().getName()).isEqualTo("clinic");
        assertThat(deployment.getMetadata().getNamespace()).isEqualTo("govpaas-health");
        assertThat(deployment.getMetadata().getLabels()).containsAllEntriesOf(APP_LABELS)
                .containsEntry("govpaas.org/isolation", tier.label()).hasSize(4);
        assertThat(deployment.getMetadata().getAnnotations()).containsOnly(entry("govpaas.org/generation", "7"));
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployment.getSpec().getSelector().getMatchLabels())
                .containsOnly(entry("govpaas.org/department", "health"), entry("govpaas.org/app", "clinic"));
        assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                .isEqualTo(deployment.getMetadata().getLabels());
        assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
                .containsOnly(entry("govpaas.org/environment-version", "secret-rv-17"));
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
        assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isEqualTo(1);
        assertThat(container(deployment).getImage()).isEqualTo("registry.city.gov/health/clinic:1.4.2");
    }

    @ParameterizedTest
    @EnumSource(value = IsolationTier.class, names = {"STANDARD", "HYPERVISOR", "DEDICATED"})
    void everyPodMeetsPodSecurityRestricted(IsolationTier tier) {
        Deployment deployment = deployment(Specs.clinic(2, tier));
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container container = container(deployment);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(pod.getHostNetwork()).isNotEqualTo(Boolean.TRUE);
        assertThat(pod.getHostPID()).isNotEqualTo(Boolean.TRUE);
        assertThat(container.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(container.getSecurityContext().getPrivileged()).isNotEqualTo(Boolean.TRUE);
        assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(container.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(container.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        // The only writable place is a bounded scratch volume at /tmp.
        assertThat(container.getVolumeMounts()).singleElement().satisfies(mount -> {
            assertThat(mount.getMountPath()).isEqualTo("/tmp");
            assertThat(mount.getName()).isEqualTo("tmp");
        });
        assertThat(pod.getVolumes()).singleElement().satisfies(volume -> {
            assertThat(volume.getName()).isEqualTo("tmp");
            assertThat(volume.getEmptyDir().getSizeLimit()).isEqualTo(new Quantity("256Mi"));
        });
        assertThat(pod.getServiceAccountName()).isEqualTo("clinic");
        assertThat(pod.getAutomountServiceAccountToken()).isFalse();
        assertThat(pod.getEnableServiceLinks()).isFalse();
    }

    @Test
    void requestsAndLimitsComeFromTheSpecMemoryAndTheDepartmentsCpu() {
        Container container = container(deployment(Specs.clinic(1, IsolationTier.STANDARD)));

        assertThat(container.getResources().getRequests())
                .containsOnly(entry("memory", new Quantity("384Mi")), entry("cpu", new Quantity("250m")));
        assertThat(container.getResources().getLimits()).containsOnly(entry("memory", new Quantity("384Mi")));
    }

    @Test
    void theEnvironmentComesFromTheSecretAndThePlatformVariablesAreSetExplicitly() {
        Container container = container(deployment(Specs.clinic(1, IsolationTier.STANDARD)));

        assertThat(container.getEnvFrom()).singleElement()
                .satisfies(from -> assertThat(from.getSecretRef().getName()).isEqualTo("clinic-env"));
        assertThat(container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue)))
                .containsOnly(entry("PORT", "8080"), entry("SERVER_PORT", "8080"),
                        entry("GOVPAAS_ROUTE_PATH", "/apps/health/clinic/"));
        // No secret value on the Deployment, which more people may read than the Secret.
        assertThat(container.getEnv()).noneSatisfy(env -> assertThat(env.getValue()).contains("s3cret"));
        assertThat(container.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getContainerPort()).isEqualTo(8080);
            assertThat(port.getName()).isEqualTo("http");
        });
    }

    @Test
    void probesAskTheReadinessPathAndStartupAllowsTheSpecsTimeout() {
        Container container = container(deployment(Specs.clinic(1, IsolationTier.STANDARD)));

        for (Probe probe : new Probe[] {container.getStartupProbe(), container.getReadinessProbe(), container.getLivenessProbe()}) {
            assertThat(probe.getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
            assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
        }
        // 42 s at one check every 5 s: 9 checks, the first multiple of 5 s that covers the timeout.
        assertThat(container.getStartupProbe().getPeriodSeconds()).isEqualTo(5);
        assertThat(container.getStartupProbe().getFailureThreshold()).isEqualTo(9);
        assertThat(container.getReadinessProbe().getFailureThreshold()).isEqualTo(3);
        assertThat(container.getLivenessProbe().getPeriodSeconds()).isEqualTo(10);
    }

    @Test
    void standardRunsOnTheDefaultRuntimeAnywhere() {
        PodSpec pod = deployment(Specs.clinic(1, IsolationTier.STANDARD)).getSpec().getTemplate().getSpec();

        assertThat(pod.getRuntimeClassName()).isNull();
        assertThat(pod.getNodeSelector()).isNullOrEmpty();
        assertThat(pod.getTolerations()).isNullOrEmpty();
    }

    @Test
    void hypervisorRunsInTheConfiguredRuntimeClassOnTheHypervisorPool() {
        PodSpec pod = deployment(Specs.clinic(1, IsolationTier.HYPERVISOR)).getSpec().getTemplate().getSpec();

        assertThat(pod.getRuntimeClassName()).isEqualTo("kata-qemu");
        assertThat(pod.getNodeSelector()).containsOnly(entry("govpaas.org/pool", "sandboxed"));
        assertThat(pod.getTolerations()).singleElement().satisfies(t -> assertToleration(t, "govpaas.org/pool", "sandboxed"));
    }

    @Test
    void hypervisorDefaultsToKata() {
        AppSpec spec = Specs.clinic(1, IsolationTier.HYPERVISOR);
        PodSpec pod = AppDeployment.desired(spec, Specs.HEALTH_LIMITS, KubernetesSettings.defaults(), "1")
                .getSpec().getTemplate().getSpec();

        assertThat(pod.getRuntimeClassName()).isEqualTo("kata");
        assertThat(pod.getNodeSelector()).containsOnly(entry("govpaas.org/pool", "hypervisor"));
    }

    @Test
    void dedicatedRunsOnlyOnTheDepartmentsOwnPool() {
        PodSpec pod = deployment(Specs.clinic(1, IsolationTier.DEDICATED)).getSpec().getTemplate().getSpec();

        assertThat(pod.getRuntimeClassName()).isNull();
        assertThat(pod.getNodeSelector()).containsOnly(entry("govpaas.org/department-pool", "health"));
        assertThat(pod.getTolerations()).singleElement()
                .satisfies(t -> assertToleration(t, "govpaas.org/department-pool", "health"));
    }

    @Test
    void theServiceSelectsTheAppsPodsOnTheirHttpPort() {
        Service service = AppService.desired(Specs.CLINIC);

        assertThat(service.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(APP_LABELS);
        assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
        assertThat(service.getSpec().getSelector())
                .containsOnly(entry("govpaas.org/department", "health"), entry("govpaas.org/app", "clinic"));
        assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getPort()).isEqualTo(80);
            assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        });
    }

    @Test
    void theIngressRoutesTheRoutePathAsPrefixOnTheConfiguredClassAndHost() {
        Ingress ingress = AppIngress.desired(Specs.clinic(1, IsolationTier.STANDARD), Specs.SETTINGS);

        assertThat(ingress.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(APP_LABELS);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("public-nginx");
        assertThat(ingress.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getHost()).isEqualTo("services.city.gov");
            HTTPIngressPath path = rule.getHttp().getPaths().getFirst();
            assertThat(rule.getHttp().getPaths()).hasSize(1);
            assertThat(path.getPath()).isEqualTo("/apps/health/clinic/");
            assertThat(path.getPathType()).isEqualTo("Prefix");
            assertThat(path.getBackend().getService().getName()).isEqualTo("clinic");
            assertThat(path.getBackend().getService().getPort().getNumber()).isEqualTo(80);
        });
    }

    @Test
    void theSecretHoldsTheSpecsEnvironment() {
        Secret secret = AppSecret.desired(Specs.clinic(1, IsolationTier.STANDARD));

        assertThat(secret.getMetadata().getName()).isEqualTo("clinic-env");
        assertThat(secret.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(APP_LABELS);
        assertThat(secret.getType()).isEqualTo("Opaque");
        assertThat(secret.getStringData())
                .containsOnly(entry("DB_PASSWORD", "s3cret-value"), entry("GREETING", "hello"));
    }

    @Test
    void theServiceAccountMountsNoToken() {
        ServiceAccount account = AppServiceAccount.desired(Specs.CLINIC);

        assertThat(account.getMetadata().getName()).isEqualTo("clinic");
        assertThat(account.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(APP_LABELS);
        assertThat(account.getAutomountServiceAccountToken()).isFalse();
    }

    @Test
    void aDisruptionBudgetKeepsOneInstanceOnlyFromTwoInstancesOn() {
        assertThat(AppDisruptionBudget.desired(Specs.clinic(0, IsolationTier.STANDARD))).isEmpty();
        assertThat(AppDisruptionBudget.desired(Specs.clinic(1, IsolationTier.STANDARD))).isEmpty();

        PodDisruptionBudget budget = AppDisruptionBudget.desired(Specs.clinic(2, IsolationTier.STANDARD)).orElseThrow();
        assertThat(budget.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(APP_LABELS);
        assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(1);
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .containsOnly(entry("govpaas.org/department", "health"), entry("govpaas.org/app", "clinic"));
    }

    private static Deployment deployment(AppSpec spec) {
        return AppDeployment.desired(spec, Specs.HEALTH_LIMITS, Specs.SETTINGS, "secret-rv-17");
    }

    private static Container container(Deployment deployment) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return deployment.getSpec().getTemplate().getSpec().getContainers().getFirst();
    }

    private static void assertToleration(Toleration toleration, String key, String value) {
        assertThat(toleration.getKey()).isEqualTo(key);
        assertThat(toleration.getOperator()).isEqualTo("Equal");
        assertThat(toleration.getValue()).isEqualTo(value);
        assertThat(toleration.getEffect()).isEqualTo("NoSchedule");
    }
}
