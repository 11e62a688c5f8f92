package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import java.util.Optional;
import org.govpaas.runtime.AppSpec;

/**
 * Keeps one instance serving while nodes are drained. Only for 2+ instances: with one, a budget
 * of one available would block every drain of its node forever.
 */
public final class AppDisruptionBudget {

    private AppDisruptionBudget() {
    }

    /** Empty when the app should have none; the runtime then removes one left from a larger scale. */
    public static Optional<PodDisruptionBudget> desired(AppSpec spec) {
        if (spec.instances() < 2) {
            return Optional.empty();
        }
        return Optional.of(new PodDisruptionBudgetBuilder()
                .withMetadata(KubernetesNames.appMetadata(spec.id(), spec.id().name()))
                .withNewSpec()
                .withMinAvailable(new IntOrString(1))
                .withSelector(new LabelSelectorBuilder().withMatchLabels(KubernetesNames.selector(spec.id())).build())
                .endSpec()
                .build());
    }
}
