package org.govpaas.platform.runtime.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.govpaas.runtime.kubernetes.KubernetesSettings;
import org.govpaas.runtime.kubernetes.LeaseLeadership;
import org.govpaas.runtime.kubernetes.PlatformService;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Kubernetes runtime ({@code govpaas.runtime.kind=kubernetes}); the Helm chart
 * sets them. The cluster itself is found the way kubectl finds it: the pod's service account
 * inside a cluster, else {@code KUBECONFIG} or {@code ~/.kube/config}.
 *
 * @param ingressClassName           IngressClass of the citizens' routes
 * @param ingressHost                host of the citizens' routes; empty for every host
 * @param ingressControllerNamespace labels of the namespace traffic into apps comes from; default
 *                                   {@code kubernetes.io/metadata.name: ingress-nginx}
 * @param gateway                    set to route with a Gateway API HTTPRoute instead of an Ingress
 * @param cpuMillisPerInstance       the CPU every instance requests (departments' quotas count instances and memory)
 * @param platformServices           what apps may reach besides DNS (database, Keycloak)
 * @param leaseNamespace             where the reconcile Lease lives; default the platform's own
 *                                   namespace ({@code POD_NAMESPACE}, set by the chart)
 * @param identity                   this replica's name in the Lease; default the pod name ({@code HOSTNAME})
 */
@ConfigurationProperties("govpaas.runtime.kubernetes")
public record KubernetesRuntimeProperties(@DefaultValue("nginx") String ingressClassName, String ingressHost,
                                          Map<String, String> ingressControllerNamespace,
                                          @DefaultValue("kata") String hypervisorRuntimeClass,
                                          @DefaultValue("govpaas.org/pool") String hypervisorPoolKey,
                                          @DefaultValue("hypervisor") String hypervisorPoolValue,
                                          Gateway gateway, @DefaultValue("250") int cpuMillisPerInstance,
                                          List<Service> platformServices,
                                          String leaseNamespace, @DefaultValue("govpaas-reconciler") String leaseName,
                                          String identity, @DefaultValue("15s") Duration leaseDuration) {

    /** The Gateway that HTTPRoutes attach to. */
    public record Gateway(String namespace, String name, String sectionName) {
    }

    /**
     * A platform service: either {@code cidr} (outside the cluster) or {@code namespaceLabels}
     * (and optionally {@code podLabels}) inside it.
     */
    public record Service(String name, String cidr, Map<String, String> namespaceLabels,
                          Map<String, String> podLabels, int port) {
    }

    KubernetesSettings settings() {
        List<PlatformService> services = platformServices == null ? List.of() : platformServices.stream()
                .map(s -> new PlatformService(s.name(), blankToNull(s.cidr()), orEmpty(s.namespaceLabels()),
                        orEmpty(s.podLabels()), s.port()))
                .toList();
        Map<String, String> controller = ingressControllerNamespace == null || ingressControllerNamespace.isEmpty()
                ? KubernetesSettings.defaults().ingressControllerNamespace() : ingressControllerNamespace;
        return new KubernetesSettings(ingressClassName, blankToNull(ingressHost), controller,
                hypervisorRuntimeClass, hypervisorPoolKey, hypervisorPoolValue, services,
                gateway == null || gateway.name() == null || gateway.name().isBlank() ? null
                        : new KubernetesSettings.GatewayParent(gateway.namespace(), gateway.name(),
                        blankToNull(gateway.sectionName())));
    }

    /** The renew deadline and retry period follow the lease duration as in client-go's defaults (15/10/2 s). */
    LeaseLeadership.Timing leaseTiming() {
        return new LeaseLeadership.Timing(leaseDuration, leaseDuration.multipliedBy(2).dividedBy(3),
                leaseDuration.dividedBy(7).plusMillis(1));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
