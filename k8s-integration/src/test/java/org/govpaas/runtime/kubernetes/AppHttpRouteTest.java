package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;
import org.junit.jupiter.api.Test;

/** The Gateway API option: an HTTPRoute instead of the Ingress, field by field and on the mock API server. */
@EnableKubernetesMockClient(crud = true, https = false)
class AppHttpRouteTest {

    private static final KubernetesSettings GATEWAY = Specs.SETTINGS
            .withGateway(new KubernetesSettings.GatewayParent("gateway-system", "citizens", "https"));

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void theRouteAttachesToTheConfiguredGatewayAndSendsTheRoutePathToTheAppsService() {
        HTTPRoute route = AppHttpRoute.desired(Specs.clinic(1, IsolationTier.STANDARD), GATEWAY);

        assertThat(route.getApiVersion()).isEqualTo("gateway.networking.k8s.io/v1");
        assertThat(route.getMetadata().getName()).isEqualTo("clinic");
        assertThat(route.getMetadata().getNamespace()).isEqualTo("govpaas-health");
        assertThat(route.getMetadata().getLabels()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "govpaas.org/department", "health", "govpaas.org/app", "clinic", "app.kubernetes.io/managed-by", "govpaas"));
        assertThat(route.getSpec().getParentRefs()).singleElement().satisfies(parent -> {
            assertThat(parent.getGroup()).isEqualTo("gateway.networking.k8s.io");
            assertThat(parent.getKind()).isEqualTo("Gateway");
            assertThat(parent.getNamespace()).isEqualTo("gateway-system");
            assertThat(parent.getName()).isEqualTo("citizens");
            assertThat(parent.getSectionName()).isEqualTo("https");
        });
        assertThat(route.getSpec().getHostnames()).containsExactly("services.city.gov");
        assertThat(route.getSpec().getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getMatches()).singleElement().satisfies(match -> {
                assertThat(match.getPath().getType()).isEqualTo("PathPrefix");
                assertThat(match.getPath().getValue()).isEqualTo("/apps/health/clinic/");
            });
            assertThat(rule.getBackendRefs()).singleElement().satisfies(backend -> {
                assertThat(backend.getKind()).isEqualTo("Service");
                assertThat(backend.getName()).isEqualTo("clinic");
                assertThat(backend.getPort()).isEqualTo(80);
            });
        });
    }

    @Test
    void withoutAHostTheRouteMatchesEveryHostname() {
        KubernetesSettings anyHost = new KubernetesSettings(null, null, Map.of("kubernetes.io/metadata.name", "gw"),
                "kata", "govpaas.org/pool", "hypervisor", List.of(), GATEWAY.gateway());

        assertThat(AppHttpRoute.desired(Specs.clinic(1, IsolationTier.STANDARD), anyHost).getSpec().getHostnames())
                .isNullOrEmpty();
    }

    @Test
    void switchingAnAppToTheGatewayReplacesItsIngressAndDeleteRemovesTheRoute() {
        AppSpec spec = Specs.clinic(1, IsolationTier.STANDARD);
        new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS).apply(spec);
        assertThat(client.resources(Ingress.class).inNamespace("govpaas-health").list().getItems()).hasSize(1);

        KubernetesRuntime gatewayRuntime = new KubernetesRuntime(client, GATEWAY, department -> Specs.HEALTH_LIMITS);
        gatewayRuntime.apply(spec);

        assertThat(client.resources(Ingress.class).inNamespace("govpaas-health").list().getItems()).isEmpty();
        assertThat(client.resources(HTTPRoute.class).inNamespace("govpaas-health").list().getItems())
                .singleElement().satisfies(route -> assertThat(route.getSpec().getParentRefs().getFirst().getName())
                        .isEqualTo("citizens"));

        gatewayRuntime.delete(spec.id());

        assertThat(client.resources(HTTPRoute.class).inNamespace("govpaas-health").list().getItems()).isEmpty();
        assertThat(gatewayRuntime.apps()).doesNotContain(spec.id());
    }
}
