package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRouteBuilder;
import java.util.List;
import org.govpaas.runtime.AppSpec;

/**
 * How citizens reach an app when the cluster routes with the Gateway API: an HTTPRoute attached
 * to the configured Gateway, matching the same path prefix as {@link AppIngress} would, so that
 * switching between the two changes no URL.
 */
public final class AppHttpRoute {

    public static final String GATEWAY_GROUP = "gateway.networking.k8s.io";

    private AppHttpRoute() {
    }

    public static HTTPRoute desired(AppSpec spec, KubernetesSettings settings) {
        KubernetesSettings.GatewayParent gateway = settings.gateway();
        if (gateway == null) {
            throw new IllegalStateException("no gateway configured; the app is routed by an Ingress");
        }
        return new HTTPRouteBuilder()
                .withMetadata(KubernetesNames.appMetadata(spec.id(), spec.id().name()))
                .withNewSpec()
                .addNewParentRef()
                .withGroup(GATEWAY_GROUP)
                .withKind("Gateway")
                .withNamespace(gateway.namespace())
                .withName(gateway.name())
                .withSectionName(gateway.sectionName())
                .endParentRef()
                .withHostnames(settings.ingressHost() == null ? null : List.of(settings.ingressHost()))
                .addNewRule()
                .addNewMatch()
                .withNewPath().withType("PathPrefix").withValue(spec.routePath()).endPath()
                .endMatch()
                .addNewBackendRef()
                .withKind("Service")
                .withName(spec.id().name())
                .withPort(AppService.PORT)
                .endBackendRef()
                .endRule()
                .endSpec()
                .build();
    }
}
