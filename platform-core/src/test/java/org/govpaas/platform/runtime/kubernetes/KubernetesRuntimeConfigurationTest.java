package org.govpaas.platform.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.NotFoundException;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.ReconcileLeadership;
import org.govpaas.runtime.kubernetes.DepartmentLimits;
import org.govpaas.runtime.kubernetes.KubernetesRuntime;
import org.govpaas.runtime.kubernetes.KubernetesSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.support.SpringApplicationJsonEnvironmentPostProcessor;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/** {@code govpaas.runtime.kind=kubernetes} swaps the runtime and adds leader election; nothing else changes. */
class KubernetesRuntimeConfigurationTest {

    private final DepartmentService departments = mock(DepartmentService.class);
    /** Nothing listens there: a replica that cannot reach the cluster must never think it leads. */
    private final KubernetesClient unreachable = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
            .withMasterUrl("http://127.0.0.1:9").withRequestRetryBackoffLimit(0).build()).build();

    private final ApplicationContextRunner contexts = new ApplicationContextRunner()
            .withUserConfiguration(KubernetesRuntimeConfiguration.class)
            .withBean(DepartmentService.class, () -> departments)
            .withBean(KubernetesClient.class, () -> unreachable);

    @Test
    void withoutTheSettingThePlatformKeepsTheLocalRuntime() {
        contexts.run(context -> {
            assertThat(context).doesNotHaveBean(AppRuntime.class);
            assertThat(context).doesNotHaveBean(ReconcileLeadership.class);
        });
    }

    @Test
    void kindKubernetesRunsAppsOnTheClusterBehindALeaseThatAnUnreachableReplicaNeverHolds() {
        contexts.withPropertyValues("govpaas.runtime.kind=kubernetes", "govpaas.runtime.kubernetes.identity=replica-1",
                        "govpaas.runtime.kubernetes.lease-namespace=govpaas-system")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(AppRuntime.class)).isInstanceOf(KubernetesRuntime.class);
                    assertThat(context.getBean(AppRuntime.class).name()).isEqualTo("kubernetes");
                    assertThat(context.getBean(ReconcileLeadership.class).isLeader()).isFalse();
                });
    }

    @Test
    void settingsMapOntoTheClusterIncludingTheGatewayOptionAndPlatformServices() {
        contexts.withPropertyValues("govpaas.runtime.kind=kubernetes",
                        "govpaas.runtime.kubernetes.ingress-host=services.city.gov",
                        "govpaas.runtime.kubernetes.gateway.namespace=gateway-system",
                        "govpaas.runtime.kubernetes.gateway.name=citizens",
                        "govpaas.runtime.kubernetes.platform-services[0].name=database",
                        "govpaas.runtime.kubernetes.platform-services[0].cidr=10.20.0.0/16",
                        "govpaas.runtime.kubernetes.platform-services[0].port=5432")
                .run(context -> {
                    KubernetesSettings settings = context.getBean(KubernetesRuntimeProperties.class).settings();
                    assertThat(settings.ingressHost()).isEqualTo("services.city.gov");
                    assertThat(settings.ingressClassName()).isEqualTo("nginx");
                    assertThat(settings.ingressControllerNamespace())
                            .containsEntry("kubernetes.io/metadata.name", "ingress-nginx");
                    assertThat(settings.hypervisorRuntimeClass()).isEqualTo("kata");
                    assertThat(settings.gateway()).isEqualTo(
                            new KubernetesSettings.GatewayParent("gateway-system", "citizens", null));
                    assertThat(settings.platformServices()).singleElement().satisfies(service -> {
                        assertThat(service.cidr()).isEqualTo("10.20.0.0/16");
                        assertThat(service.port()).isEqualTo(5432);
                    });
                });
    }

    /** The chart hands the settings over as SPRING_APPLICATION_JSON, label keys in brackets. */
    @Test
    void labelKeysFromTheChartsJsonBindExactly() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("chart", Map.of("spring.application.json", """
                {"govpaas":{"runtime":{"kubernetes":{
                  "ingressControllerNamespace":{"[kubernetes.io/metadata.name]":"ingress-nginx"},
                  "platformServices":[{"name":"keycloak","port":8443,
                    "namespaceLabels":{"[kubernetes.io/metadata.name]":"keycloak"},
                    "podLabels":{"[app.kubernetes.io/name]":"keycloak"}}],
                  "gateway":{"namespace":"","name":"","sectionName":""},"ingressHost":""}}}}""")));
        new SpringApplicationJsonEnvironmentPostProcessor().postProcessEnvironment(environment, new SpringApplication());

        KubernetesSettings settings = Binder.get(environment)
                .bind("govpaas.runtime.kubernetes", KubernetesRuntimeProperties.class).get().settings();

        assertThat(settings.ingressControllerNamespace())
                .containsExactly(Map.entry("kubernetes.io/metadata.name", "ingress-nginx"));
        assertThat(settings.platformServices()).singleElement().satisfies(service -> {
            assertThat(service.namespaceLabels()).containsExactly(Map.entry("kubernetes.io/metadata.name", "keycloak"));
            assertThat(service.podLabels()).containsExactly(Map.entry("app.kubernetes.io/name", "keycloak"));
        });
        assertThat(settings.gateway()).isNull();
        assertThat(settings.ingressHost()).isNull();
    }

    @Test
    void aDepartmentsQuotaBecomesItsLimitsAndAnUnknownDepartmentHasNone() {
        when(departments.get(any(), eq("health"))).thenReturn(new Department(7, "health", "卫生健康委", "Health",
                10, 12, 6144, BigDecimal.TEN, Instant.EPOCH, Instant.EPOCH));
        when(departments.get(any(), eq("nowhere"))).thenThrow(new NotFoundException("department nowhere"));
        contexts.withPropertyValues("govpaas.runtime.kind=kubernetes", "govpaas.runtime.kubernetes.cpu-millis-per-instance=300")
                .run(context -> {
                    var limits = KubernetesRuntimeConfiguration.departmentLimits(departments,
                            context.getBean(KubernetesRuntimeProperties.class));
                    assertThat(limits.apply("health")).isEqualTo(new DepartmentLimits(12, 6144, 300));
                    assertThat(limits.apply("nowhere")).isNull();
                });
    }
}
