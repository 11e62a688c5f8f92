package org.govpaas.runtime.kubernetes;

import java.util.List;
import java.util.Map;

/**
 * How the platform's tiers and routes map onto a particular cluster. Platform-core binds it from
 * its configuration; {@link #defaults()} suits a kind or k3s cluster with ingress-nginx and Kata.
 *
 * @param ingressClassName          the IngressClass of the cluster's ingress controller
 * @param ingressHost               the host of the citizens' routes; null for every host
 * @param ingressControllerNamespace labels of the namespace the ingress controller runs in: the
 *                                  only source of traffic into a department's namespace
 * @param hypervisorRuntimeClass    the RuntimeClass of the hypervisor tier
 * @param hypervisorPoolKey         node label (and taint) key of the hypervisor node pool
 * @param hypervisorPoolValue       its value
 * @param platformServices          what apps may reach besides DNS
 * @param gateway                   when set, apps are routed by a Gateway API HTTPRoute attached
 *                                  to this Gateway instead of an Ingress ({@code ingressClassName}
 *                                  is then unused; {@code ingressHost} becomes the route's hostname
 *                                  and {@code ingressControllerNamespace} names the namespace of
 *                                  the gateway's data plane)
 */
public record KubernetesSettings(String ingressClassName, String ingressHost,
                                 Map<String, String> ingressControllerNamespace,
                                 String hypervisorRuntimeClass, String hypervisorPoolKey,
                                 String hypervisorPoolValue, List<PlatformService> platformServices,
                                 GatewayParent gateway) {

    /**
     * The Gateway that citizens' routes attach to. It must admit routes from the departments'
     * namespaces ({@code allowedRoutes.namespaces}, e.g. selected by the {@code govpaas.org/department} label).
     *
     * @param sectionName the Gateway's listener to attach to; null for all of them
     */
    public record GatewayParent(String namespace, String name, String sectionName) {

        public GatewayParent {
            if (namespace == null || namespace.isBlank() || name == null || name.isBlank()) {
                throw new IllegalArgumentException("gateway: namespace and name are required");
            }
        }
    }

    /** Routed by Ingress. */
    public KubernetesSettings(String ingressClassName, String ingressHost, Map<String, String> ingressControllerNamespace,
                              String hypervisorRuntimeClass, String hypervisorPoolKey, String hypervisorPoolValue,
                              List<PlatformService> platformServices) {
        this(ingressClassName, ingressHost, ingressControllerNamespace, hypervisorRuntimeClass, hypervisorPoolKey,
                hypervisorPoolValue, platformServices, null);
    }

    public KubernetesSettings {
        ingressControllerNamespace = Map.copyOf(ingressControllerNamespace);
        platformServices = List.copyOf(platformServices);
        if (ingressControllerNamespace.isEmpty()) {
            // An empty namespace selector would admit traffic from every namespace.
            throw new IllegalArgumentException("ingressControllerNamespace needs at least one label");
        }
    }

    public static KubernetesSettings defaults() {
        return new KubernetesSettings("nginx", null,
                Map.of("kubernetes.io/metadata.name", "ingress-nginx"),
                "kata", "govpaas.org/pool", "hypervisor", List.of());
    }

    public KubernetesSettings withPlatformServices(List<PlatformService> services) {
        return new KubernetesSettings(ingressClassName, ingressHost, ingressControllerNamespace,
                hypervisorRuntimeClass, hypervisorPoolKey, hypervisorPoolValue, services, gateway);
    }

    public KubernetesSettings withGateway(GatewayParent parent) {
        return new KubernetesSettings(ingressClassName, ingressHost, ingressControllerNamespace,
                hypervisorRuntimeClass, hypervisorPoolKey, hypervisorPoolValue, platformServices, parent);
    }

    /** True when citizens reach apps through a Gateway API HTTPRoute rather than an Ingress. */
    public boolean routesThroughGateway() {
        return gateway != null;
    }
}
