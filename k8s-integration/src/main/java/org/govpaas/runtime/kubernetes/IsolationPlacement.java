package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Toleration;
import io.fabric8.kubernetes.api.model.TolerationBuilder;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.govpaas.runtime.IsolationTier;

/**
 * Where and how a pod of a tier runs. The node pools are tainted, so a toleration alone lets a
 * pod in and the node selector keeps it there: a hypervisor pod on a runc node, or one
 * department's pod on another's dedicated node, cannot happen by scheduling accident.
 *
 * @param runtimeClassName null for the cluster's default runtime
 */
public record IsolationPlacement(String runtimeClassName, Map<String, String> nodeSelector,
                                 List<Toleration> tolerations) {

    /** Node label and taint key of a department's dedicated pool; the value is the department code. */
    public static final String DEPARTMENT_POOL = "govpaas.org/department-pool";

    public IsolationPlacement {
        nodeSelector = new TreeMap<>(nodeSelector);
        tolerations = List.copyOf(tolerations);
    }

    /** @throws IllegalArgumentException for the process tiers, which only the local runtime has */
    public static IsolationPlacement of(IsolationTier tier, String department, KubernetesSettings settings) {
        return switch (tier) {
            case STANDARD -> new IsolationPlacement(null, Map.of(), List.of());
            case HYPERVISOR -> new IsolationPlacement(settings.hypervisorRuntimeClass(),
                    Map.of(settings.hypervisorPoolKey(), settings.hypervisorPoolValue()),
                    List.of(noSchedule(settings.hypervisorPoolKey(), settings.hypervisorPoolValue())));
            case DEDICATED -> new IsolationPlacement(null, Map.of(DEPARTMENT_POOL, department),
                    List.of(noSchedule(DEPARTMENT_POOL, department)));
            case PROCESS, PROCESS_SANDBOXED -> throw new IllegalArgumentException(
                    "isolation: the Kubernetes runtime cannot run the '" + tier.label() + "' tier");
        };
    }

    private static Toleration noSchedule(String key, String value) {
        return new TolerationBuilder()
                .withKey(key)
                .withOperator("Equal")
                .withValue(value)
                .withEffect("NoSchedule")
                .build();
    }
}
