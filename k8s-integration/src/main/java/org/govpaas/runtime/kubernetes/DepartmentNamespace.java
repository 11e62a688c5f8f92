package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import java.util.Map;

/**
 * A department's namespace. Pod Security Admission {@code restricted} is enforced by the API
 * server itself, so even an object this runtime did not write (or wrote wrongly) cannot run a
 * privileged pod there; warn and audit make violations visible before they are enforced.
 */
public final class DepartmentNamespace {

    public static final String PSA_LEVEL = "restricted";

    private DepartmentNamespace() {
    }

    public static Namespace desired(String department) {
        Map<String, String> labels = KubernetesNames.departmentLabels(department);
        labels.put("pod-security.kubernetes.io/enforce", PSA_LEVEL);
        labels.put("pod-security.kubernetes.io/enforce-version", "latest");
        labels.put("pod-security.kubernetes.io/warn", PSA_LEVEL);
        labels.put("pod-security.kubernetes.io/audit", PSA_LEVEL);
        return new NamespaceBuilder()
                .withNewMetadata()
                .withName(KubernetesNames.namespace(department))
                .withLabels(labels)
                .endMetadata()
                .build();
    }
}
