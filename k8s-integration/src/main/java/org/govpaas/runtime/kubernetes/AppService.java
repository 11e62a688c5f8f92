package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import org.govpaas.runtime.AppId;

/** The stable in-cluster address of an app's ready instances, which the Ingress routes to. */
public final class AppService {

    public static final int PORT = 80;

    private AppService() {
    }

    public static Service desired(AppId id) {
        return new ServiceBuilder()
                .withMetadata(KubernetesNames.appMetadata(id, id.name()))
                .withNewSpec()
                .withType("ClusterIP")
                .withSelector(KubernetesNames.selector(id))
                .addNewPort()
                .withName("http")
                .withProtocol("TCP")
                .withPort(PORT)
                .withTargetPort(new IntOrString("http"))
                .endPort()
                .endSpec()
                .build();
    }
}
