package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.util.TreeMap;
import org.govpaas.runtime.AppSpec;

/**
 * The app's environment (database and OIDC credentials among it), handed to the pods with
 * {@code envFrom}. A Secret rather than plain {@code env} on the Deployment: whoever may read
 * Deployments in the namespace must not read passwords. Never log this object: its
 * {@code toString} holds the values.
 */
public final class AppSecret {

    private AppSecret() {
    }

    public static Secret desired(AppSpec spec) {
        return new SecretBuilder()
                .withMetadata(KubernetesNames.appMetadata(spec.id(), KubernetesNames.secretName(spec.id())))
                .withType("Opaque")
                .withStringData(new TreeMap<>(spec.environment()))
                .build();
    }
}
