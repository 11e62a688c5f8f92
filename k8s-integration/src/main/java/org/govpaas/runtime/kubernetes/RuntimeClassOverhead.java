package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import org.govpaas.runtime.PodOverhead;

/** A RuntimeClass's {@code overhead.podFixed} in the platform's units (millicores, MiB, rounded up). */
final class RuntimeClassOverhead {

    private static final BigDecimal MIB = BigDecimal.valueOf(1024L * 1024);

    private RuntimeClassOverhead() {
    }

    /** No RuntimeClass, or one without an overhead, adds nothing. */
    static PodOverhead of(RuntimeClass runtimeClass) {
        if (runtimeClass == null || runtimeClass.getOverhead() == null || runtimeClass.getOverhead().getPodFixed() == null) {
            return PodOverhead.NONE;
        }
        Map<String, Quantity> fixed = runtimeClass.getOverhead().getPodFixed();
        int cpu = fixed.containsKey("cpu")
                ? Quantity.getAmountInBytes(fixed.get("cpu")).movePointRight(3).setScale(0, RoundingMode.CEILING).intValueExact()
                : 0;
        int memory = fixed.containsKey("memory")
                ? Quantity.getAmountInBytes(fixed.get("memory")).divide(MIB, 0, RoundingMode.CEILING).intValueExact()
                : 0;
        return new PodOverhead(cpu, memory);
    }
}
