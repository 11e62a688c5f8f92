package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import java.util.Map;
import java.util.TreeMap;

/**
 * The department's quota as the cluster enforces it: a ResourceQuota caps instances and memory
 * for the whole namespace; a LimitRange gives defaults to any container that names none, because
 * a quota on {@code limits.memory} makes the API server refuse pods without a limit.
 */
public final class DepartmentQuota {

    public static final String NAME = "govpaas-department-quota";
    public static final String LIMIT_RANGE_NAME = "govpaas-container-defaults";
    /** Default memory of a container without its own setting: the smallest an AppSpec allows. */
    static final int DEFAULT_CONTAINER_MEMORY_MB = 64;

    private DepartmentQuota() {
    }

    public static ResourceQuota resourceQuota(String department, DepartmentLimits limits) {
        Map<String, Quantity> hard = new TreeMap<>();
        hard.put("pods", new Quantity(String.valueOf(limits.maxInstances())));
        hard.put("requests.memory", mebibytes(limits.maxMemoryMb()));
        hard.put("limits.memory", mebibytes(limits.maxMemoryMb()));
        return new ResourceQuotaBuilder()
                .withNewMetadata()
                .withName(NAME)
                .withNamespace(KubernetesNames.namespace(department))
                .withLabels(KubernetesNames.departmentLabels(department))
                .endMetadata()
                .withNewSpec().withHard(hard).endSpec()
                .build();
    }

    public static LimitRange limitRange(String department, DepartmentLimits limits) {
        Quantity cpu = millicores(limits.cpuMillisPerInstance());
        Quantity memory = mebibytes(DEFAULT_CONTAINER_MEMORY_MB);
        return new LimitRangeBuilder()
                .withNewMetadata()
                .withName(LIMIT_RANGE_NAME)
                .withNamespace(KubernetesNames.namespace(department))
                .withLabels(KubernetesNames.departmentLabels(department))
                .endMetadata()
                .withNewSpec()
                .addNewLimit()
                .withType("Container")
                .withDefaultRequest(new TreeMap<>(Map.of("cpu", cpu, "memory", memory)))
                .withDefault(new TreeMap<>(Map.of("memory", memory)))
                .endLimit()
                .endSpec()
                .build();
    }

    static Quantity mebibytes(int mb) {
        return new Quantity(mb + "Mi");
    }

    static Quantity millicores(int millis) {
        return new Quantity(millis + "m");
    }
}
