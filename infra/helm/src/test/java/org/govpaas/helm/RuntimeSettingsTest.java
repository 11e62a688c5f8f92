package org.govpaas.helm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The runtime's values reach platform-core as {@code govpaas.runtime.kubernetes.*} (through
 * SPRING_APPLICATION_JSON), the Gateway API option widens RBAC by exactly httproutes, and bad
 * runtime values are refused naming the field.
 */
class RuntimeSettingsTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Test
    void defaultRuntimeSettingsReachThePlatformWithTheLeaseInTheReleaseNamespace() {
        JsonNode kubernetes = runtimeSettings(RenderedChart.render());

        assertThat(kubernetes.path("ingressClassName").asString()).isEqualTo("nginx");
        // In brackets: Spring keeps a map key exactly only so (it would drop the "/").
        assertThat(kubernetes.at("/ingressControllerNamespace/[kubernetes.io~1metadata.name]").asString())
                .isEqualTo("ingress-nginx");
        assertThat(kubernetes.path("ingressControllerNamespace").size()).isEqualTo(1);
        assertThat(kubernetes.path("hypervisorRuntimeClass").asString()).isEqualTo("kata");
        assertThat(kubernetes.path("cpuMillisPerInstance").asInt()).isEqualTo(250);
        assertThat(kubernetes.path("leaseNamespace").asString()).isEqualTo(RenderedChart.NAMESPACE);
        assertThat(kubernetes.at("/gateway/name").asString()).isEmpty();
    }

    @Test
    void gatewayAndPlatformServicesAreHandedOverAsSet() {
        RenderedChart chart = RenderedChart.render("runtime.gateway.namespace=gateway-system",
                "runtime.gateway.name=citizens", "runtime.ingressHost=services.city.gov.cn",
                "runtime.platformServices[0].name=database", "runtime.platformServices[0].cidr=10.20.0.0/16",
                "runtime.platformServices[0].port=5432");
        JsonNode kubernetes = runtimeSettings(chart);

        assertThat(kubernetes.at("/gateway/namespace").asString()).isEqualTo("gateway-system");
        assertThat(kubernetes.at("/gateway/name").asString()).isEqualTo("citizens");
        assertThat(kubernetes.path("ingressHost").asString()).isEqualTo("services.city.gov.cn");
        assertThat(kubernetes.at("/platformServices/0/cidr").asString()).isEqualTo("10.20.0.0/16");
        assertThat(kubernetes.at("/platformServices/0/port").asInt()).isEqualTo(5432);
    }

    @Test
    void labelKeysOfPlatformServicesAreBracketedToo() {
        JsonNode service = runtimeSettings(RenderedChart.render("runtime.platformServices[0].name=keycloak",
                "runtime.platformServices[0].namespaceLabels.kubernetes\\.io/metadata\\.name=keycloak",
                "runtime.platformServices[0].podLabels.app\\.kubernetes\\.io/name=keycloak",
                "runtime.platformServices[0].port=8443")).at("/platformServices/0");

        assertThat(service.at("/namespaceLabels/[kubernetes.io~1metadata.name]").asString()).isEqualTo("keycloak");
        assertThat(service.at("/podLabels/[app.kubernetes.io~1name]").asString()).isEqualTo("keycloak");
        assertThat(service.path("cidr").isMissingNode()).isTrue();
    }

    @Test
    void httpRoutesAreGrantedOnlyWhenAppsAreRoutedThroughAGateway() {
        assertThat(grantsOn(RenderedChart.render(), "gateway.networking.k8s.io")).isEmpty();

        List<String> granted = grantsOn(RenderedChart.render("runtime.gateway.namespace=gateway-system",
                "runtime.gateway.name=citizens"), "gateway.networking.k8s.io");

        assertThat(granted).containsExactlyInAnyOrder("httproutes:get", "httproutes:list", "httproutes:watch",
                "httproutes:create", "httproutes:update", "httproutes:patch", "httproutes:delete");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            runtime.cpuMillisPerInstance=0                        | runtime.cpuMillisPerInstance
            runtime.hypervisorRuntimeClass=Kata Qemu              | runtime.hypervisorRuntimeClass
            runtime.ingressHost=*.city.gov.cn                     | runtime.ingressHost
            runtime.gateway.name=Citizens_GW                      | runtime.gateway.name
            runtime.ingressControllerNamespace=null               | runtime: ingressControllerNamespace is required
            runtime.platformServices[0].port=5432                 | runtime.platformServices.0
            runtime.sandbox=gvisor                                | Additional property sandbox is not allowed
            extraEnv[0].name=SPRING_APPLICATION_JSON              | extraEnv.0.name
            """)
    void badRuntimeValuesAreRefusedNamingTheField(String set, String field) {
        String[] sets = set.startsWith("extraEnv") ? new String[] {set, "extraEnv[0].value={}"} : new String[] {set};
        String error = RenderedChart.renderError(sets);

        assertThat(error).contains("values don't meet the specifications of the schema").contains(field);
    }

    private static JsonNode runtimeSettings(RenderedChart chart) {
        String json = chart.config("SPRING_APPLICATION_JSON");
        assertThat(json).as("SPRING_APPLICATION_JSON in the ConfigMap").isNotNull();
        return JSON.readTree(json).at("/govpaas/runtime/kubernetes");
    }

    private static List<String> grantsOn(RenderedChart chart, String group) {
        List<String> granted = new java.util.ArrayList<>();
        for (JsonNode rule : chart.one("ClusterRole").path("rules")) {
            if (rule.path("apiGroups").valueStream().anyMatch(g -> g.asString().equals(group))) {
                for (JsonNode resource : rule.path("resources")) {
                    rule.path("verbs").forEach(verb -> granted.add(resource.asString() + ":" + verb.asString()));
                }
            }
        }
        return granted;
    }
}
