package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LimitRangeItem;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The objects of a department's namespace, checked field by field against its quota and the settings. */
class DepartmentObjectsTest {

    @Test
    void theNamespaceIsLabelledWithTheDepartmentAndEnforcesRestrictedPodSecurity() {
        Namespace namespace = DepartmentNamespace.desired("health");

        assertThat(namespace.getMetadata().getName()).isEqualTo("govpaas-health");
        assertThat(namespace.getMetadata().getLabels()).containsOnly(
                entry("govpaas.org/department", "health"),
                entry("app.kubernetes.io/managed-by", "govpaas"),
                entry("pod-security.kubernetes.io/enforce", "restricted"),
                entry("pod-security.kubernetes.io/enforce-version", "latest"),
                entry("pod-security.kubernetes.io/warn", "restricted"),
                entry("pod-security.kubernetes.io/audit", "restricted"));
    }

    @Test
    void theQuotaCapsInstancesAndMemoryAtTheDepartmentLimits() {
        ResourceQuota quota = DepartmentQuota.resourceQuota("health", new DepartmentLimits(12, 6144, 250));

        assertThat(quota.getMetadata().getNamespace()).isEqualTo("govpaas-health");
        assertThat(quota.getMetadata().getLabels()).containsEntry("govpaas.org/department", "health")
                .containsEntry("app.kubernetes.io/managed-by", "govpaas");
        assertThat(quota.getSpec().getHard()).containsOnly(
                entry("pods", new Quantity("12")),
                entry("requests.memory", new Quantity("6144Mi")),
                entry("limits.memory", new Quantity("6144Mi")));
    }

    @Test
    void theLimitRangeGivesContainersWithoutSettingsTheDepartmentsCpuAndTheSmallestMemory() {
        LimitRangeItem limit = DepartmentQuota.limitRange("health", new DepartmentLimits(12, 6144, 250))
                .getSpec().getLimits().getFirst();

        assertThat(limit.getType()).isEqualTo("Container");
        assertThat(limit.getDefaultRequest()).containsOnly(
                entry("cpu", new Quantity("250m")), entry("memory", new Quantity("64Mi")));
        assertThat(limit.getDefault()).containsOnly(entry("memory", new Quantity("64Mi")));
    }

    @Test
    void everythingIsDeniedFirstForEveryPodInBothDirections() {
        NetworkPolicy deny = policies().get(DepartmentNetworkPolicies.DEFAULT_DENY);

        assertThat(deny.getMetadata().getNamespace()).isEqualTo("govpaas-health");
        assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
        assertThat(deny.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
        assertThat(deny.getSpec().getEgress()).isNullOrEmpty();
    }

    @Test
    void dnsIsAllowedOnlyToKubeDnsInKubeSystem() {
        NetworkPolicy dns = policies().get(DepartmentNetworkPolicies.ALLOW_DNS);

        assertThat(dns.getSpec().getPolicyTypes()).containsExactly("Egress");
        NetworkPolicyEgressRule rule = dns.getSpec().getEgress().getFirst();
        assertThat(dns.getSpec().getEgress()).hasSize(1);
        assertThat(rule.getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsOnly(entry("kubernetes.io/metadata.name", "kube-system"));
            assertThat(peer.getPodSelector().getMatchLabels()).containsOnly(entry("k8s-app", "kube-dns"));
        });
        assertThat(ports(rule.getPorts())).containsExactlyInAnyOrder("UDP/53", "TCP/53");
    }

    @Test
    void trafficComesInOnlyFromTheConfiguredIngressControllerNamespaceToTheAppPort() {
        NetworkPolicy ingress = policies().get(DepartmentNetworkPolicies.ALLOW_INGRESS_CONTROLLER);

        assertThat(ingress.getSpec().getPolicyTypes()).containsExactly("Ingress");
        NetworkPolicyIngressRule rule = ingress.getSpec().getIngress().getFirst();
        assertThat(ingress.getSpec().getIngress()).hasSize(1);
        assertThat(rule.getFrom()).singleElement().satisfies(peer -> {
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsOnly(entry("kubernetes.io/metadata.name", "ingress-system"));
            assertThat(peer.getPodSelector()).isNull();
            assertThat(peer.getIpBlock()).isNull();
        });
        assertThat(ports(rule.getPorts())).containsExactly("TCP/8080");
    }

    @Test
    void trafficGoesOutOnlyToThePlatformServicesByCidrOrNamespace() {
        NetworkPolicy services = policies().get(DepartmentNetworkPolicies.ALLOW_PLATFORM_SERVICES);

        assertThat(services.getSpec().getPolicyTypes()).containsExactly("Egress");
        List<NetworkPolicyEgressRule> rules = services.getSpec().getEgress();
        assertThat(rules).hasSize(2);
        assertThat(rules.get(0).getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getIpBlock().getCidr()).isEqualTo("10.20.0.0/16");
            assertThat(peer.getIpBlock().getExcept()).isNullOrEmpty();
            assertThat(peer.getNamespaceSelector()).isNull();
        });
        assertThat(ports(rules.get(0).getPorts())).containsExactly("TCP/5432");
        assertThat(rules.get(1).getTo()).singleElement().satisfies(peer -> {
            assertThat(peer.getIpBlock()).isNull();
            assertThat(peer.getNamespaceSelector().getMatchLabels())
                    .containsOnly(entry("kubernetes.io/metadata.name", "keycloak"));
            assertThat(peer.getPodSelector().getMatchLabels()).containsOnly(entry("app", "keycloak"));
        });
        assertThat(ports(rules.get(1).getPorts())).containsExactly("TCP/8443");
    }

    @Test
    void withoutPlatformServicesThePolicyAllowsNothingOut() {
        NetworkPolicy services = DepartmentNetworkPolicies.desired("health", KubernetesSettings.defaults()).stream()
                .filter(p -> p.getMetadata().getName().equals(DepartmentNetworkPolicies.ALLOW_PLATFORM_SERVICES))
                .findFirst().orElseThrow();

        assertThat(services.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(services.getSpec().getEgress()).isEmpty();
    }

    @Test
    void theDepartmentHasExactlyTheFourPoliciesAllLabelledAsItsOwn() {
        assertThat(policies()).containsOnlyKeys(DepartmentNetworkPolicies.DEFAULT_DENY,
                DepartmentNetworkPolicies.ALLOW_DNS, DepartmentNetworkPolicies.ALLOW_INGRESS_CONTROLLER,
                DepartmentNetworkPolicies.ALLOW_PLATFORM_SERVICES);
        assertThat(policies().values()).allSatisfy(policy -> assertThat(policy.getMetadata().getLabels())
                .containsOnly(entry("govpaas.org/department", "health"),
                        entry("app.kubernetes.io/managed-by", "govpaas")));
    }

    private static Map<String, NetworkPolicy> policies() {
        return DepartmentNetworkPolicies.desired("health", Specs.SETTINGS).stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), Function.identity()));
    }

    private static List<String> ports(List<NetworkPolicyPort> ports) {
        return ports.stream().map(p -> p.getProtocol() + "/" + portNumber(p.getPort())).toList();
    }

    private static Integer portNumber(IntOrString port) {
        return port.getIntVal();
    }
}
