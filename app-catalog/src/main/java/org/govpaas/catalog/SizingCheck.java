package org.govpaas.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * Checks the instances and memory a deploy or scale request asks for against the template
 * version's limits. The department's quota is a separate, atomic check in platform-core.
 */
public final class SizingCheck {

    private SizingCheck() {
    }

    /**
     * @param instances requested instance count, or null for the version's default (0 = stopped)
     * @param memoryMb  requested memory per instance in MiB, or null for the version's default
     * @return errors on the fields {@code instances} and {@code memoryMb}; empty when acceptable
     */
    public static List<ParameterError> check(TemplateVersion version, Integer instances, Integer memoryMb) {
        List<ParameterError> errors = new ArrayList<>();
        if (instances != null && instances < 0) {
            errors.add(ParameterError.of("instances", "minimum", "must be >= 0", 0));
        } else if (instances != null && instances > version.instances().max()) {
            errors.add(ParameterError.of("instances", "versionMaximum",
                    "must be <= " + version.instances().max() + " (this version's maximum)", version.instances().max()));
        }
        if (memoryMb != null && memoryMb < version.memoryMb().min()) {
            errors.add(ParameterError.of("memoryMb", "versionMinimum",
                    "must be >= " + version.memoryMb().min() + " (this version's minimum)", version.memoryMb().min()));
        } else if (memoryMb != null && memoryMb > version.memoryMb().max()) {
            errors.add(ParameterError.of("memoryMb", "versionMaximum",
                    "must be <= " + version.memoryMb().max() + " (this version's maximum)", version.memoryMb().max()));
        }
        return List.copyOf(errors);
    }
}
