package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPathBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import org.govpaas.runtime.AppSpec;

/**
 * How citizens reach an app: its route path as a Prefix on the configured ingress class. The
 * path is the same one the platform gateway uses on one machine, so links an app builds from
 * {@code GOVPAAS_ROUTE_PATH} work in both modes.
 */
public final class AppIngress {

    private AppIngress() {
    }

    public static Ingress desired(AppSpec spec, KubernetesSettings settings) {
        HTTPIngressPath path = new HTTPIngressPathBuilder()
                .withPath(spec.routePath())
                .withPathType("Prefix")
                .withNewBackend()
                .withNewService()
                .withName(spec.id().name())
                .withNewPort().withNumber(AppService.PORT).endPort()
                .endService()
                .endBackend()
                .build();
        return new IngressBuilder()
                .withMetadata(KubernetesNames.appMetadata(spec.id(), spec.id().name()))
                .withNewSpec()
                .withIngressClassName(settings.ingressClassName())
                .addNewRule()
                .withHost(settings.ingressHost())
                .withNewHttp().withPaths(path).endHttp()
                .endRule()
                .endSpec()
                .build();
    }
}
