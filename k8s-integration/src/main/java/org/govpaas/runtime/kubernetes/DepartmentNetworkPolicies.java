package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpecBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * A department's network policies. Policies only ever add allowances, so the first one denies
 * everything in and out for every pod of the namespace, and each further one opens exactly one
 * path: DNS, the ingress controller in, the platform services out. Apps of one department never
 * reach another department's apps: no policy admits traffic from another govpaas namespace.
 */
public final class DepartmentNetworkPolicies {

    public static final String DEFAULT_DENY = "govpaas-default-deny";
    public static final String ALLOW_DNS = "govpaas-allow-dns";
    public static final String ALLOW_INGRESS_CONTROLLER = "govpaas-allow-ingress-controller";
    public static final String ALLOW_PLATFORM_SERVICES = "govpaas-allow-platform-services";

    private DepartmentNetworkPolicies() {
    }

    public static List<NetworkPolicy> desired(String department, KubernetesSettings settings) {
        return List.of(defaultDeny(department), allowDns(department),
                allowIngressController(department, settings), allowPlatformServices(department, settings));
    }

    private static NetworkPolicy defaultDeny(String department) {
        return policy(department, DEFAULT_DENY, spec -> spec.withPolicyTypes("Ingress", "Egress"));
    }

    private static NetworkPolicy allowDns(String department) {
        NetworkPolicyPeer kubeDns = new NetworkPolicyPeerBuilder()
                .withNamespaceSelector(selector(Map.of("kubernetes.io/metadata.name", "kube-system")))
                .withPodSelector(selector(Map.of("k8s-app", "kube-dns")))
                .build();
        NetworkPolicyEgressRule rule = new NetworkPolicyEgressRuleBuilder()
                .withTo(kubeDns)
                .withPorts(port("UDP", 53), port("TCP", 53))
                .build();
        return policy(department, ALLOW_DNS, spec -> spec.withPolicyTypes("Egress").withEgress(rule));
    }

    private static NetworkPolicy allowIngressController(String department, KubernetesSettings settings) {
        return policy(department, ALLOW_INGRESS_CONTROLLER, spec -> spec
                .withPolicyTypes("Ingress")
                .addNewIngress()
                .addNewFrom().withNamespaceSelector(selector(settings.ingressControllerNamespace())).endFrom()
                .withPorts(port("TCP", KubernetesNames.APP_PORT))
                .endIngress());
    }

    /** With no platform services configured it still exists, allowing nothing: one shape for every department. */
    private static NetworkPolicy allowPlatformServices(String department, KubernetesSettings settings) {
        List<NetworkPolicyEgressRule> rules = settings.platformServices().stream()
                .map(DepartmentNetworkPolicies::egressTo)
                .toList();
        return policy(department, ALLOW_PLATFORM_SERVICES, spec -> spec.withPolicyTypes("Egress").withEgress(rules));
    }

    private static NetworkPolicyEgressRule egressTo(PlatformService service) {
        NetworkPolicyPeerBuilder peer = new NetworkPolicyPeerBuilder();
        if (service.cidr() != null) {
            peer.withNewIpBlock().withCidr(service.cidr()).endIpBlock();
        } else {
            peer.withNamespaceSelector(selector(service.namespaceLabels()));
            if (!service.podLabels().isEmpty()) {
                peer.withPodSelector(selector(service.podLabels()));
            }
        }
        return new NetworkPolicyEgressRuleBuilder()
                .withTo(peer.build())
                .withPorts(port("TCP", service.port()))
                .build();
    }

    private static NetworkPolicy policy(String department, String name, UnaryOperator<NetworkPolicySpecBuilder> rules) {
        // An empty pod selector: the policy covers every pod of the namespace.
        NetworkPolicySpec spec = rules.apply(new NetworkPolicySpecBuilder().withPodSelector(new LabelSelector())).build();
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(KubernetesNames.namespace(department))
                .withLabels(KubernetesNames.departmentLabels(department))
                .endMetadata()
                .withSpec(spec)
                .build();
    }

    private static LabelSelector selector(Map<String, String> labels) {
        return new LabelSelectorBuilder().withMatchLabels(new TreeMap<>(labels)).build();
    }

    private static NetworkPolicyPort port(String protocol, int port) {
        NetworkPolicyPort result = new NetworkPolicyPort();
        result.setProtocol(protocol);
        result.setPort(new IntOrString(port));
        return result;
    }
}
