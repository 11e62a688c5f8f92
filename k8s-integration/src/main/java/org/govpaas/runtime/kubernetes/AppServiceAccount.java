package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import org.govpaas.runtime.AppId;

/**
 * An app's own identity in the cluster. It holds no token in the pod: an app has no business
 * with the Kubernetes API, and a stolen token of the namespace's default account is one less
 * thing to worry about.
 */
public final class AppServiceAccount {

    private AppServiceAccount() {
    }

    public static ServiceAccount desired(AppId id) {
        return new ServiceAccountBuilder()
                .withMetadata(KubernetesNames.appMetadata(id, id.name()))
                .withAutomountServiceAccountToken(false)
                .build();
    }
}
