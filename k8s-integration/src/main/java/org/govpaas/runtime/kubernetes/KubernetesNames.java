package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.govpaas.runtime.AppId;

/**
 * The names, labels and annotations by which the runtime finds its objects again. Labels are
 * the ownership record: every object the runtime writes carries {@link #MANAGED_BY}, and an
 * app's objects carry its department and name, so that delete and {@code apps()} work from the
 * cluster alone, after any restart of the control plane.
 */
public final class KubernetesNames {

    public static final String DEPARTMENT = "govpaas.org/department";
    public static final String APP = "govpaas.org/app";
    public static final String ISOLATION = "govpaas.org/isolation";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String MANAGED_BY_VALUE = "govpaas";

    /** The spec generation last applied, on the Deployment; read back as observedGeneration. */
    public static final String GENERATION = "govpaas.org/generation";
    /** Digest of the desired object as last written; equal digest means nothing to write. */
    public static final String DESIRED_HASH = "govpaas.org/desired-hash";
    /** The app Secret's resourceVersion, on the pod template: a changed environment rolls the pods. */
    public static final String ENVIRONMENT_VERSION = "govpaas.org/environment-version";
    /**
     * The spec's restart generation, on the pod template once a restart was asked for: a new one
     * rolls the pods, as {@code kubectl rollout restart} does with its own annotation.
     */
    public static final String RESTART_GENERATION = "govpaas.org/restart-generation";

    public static final String NAMESPACE_PREFIX = "govpaas-";
    /** The port every instance listens on ({@code PORT}, {@code SERVER_PORT}). */
    public static final int APP_PORT = 8080;
    public static final String SECRET_SUFFIX = "-env";

    private KubernetesNames() {
    }

    public static String namespace(String department) {
        String namespace = NAMESPACE_PREFIX + department;
        if (namespace.length() > 63) {
            throw new IllegalArgumentException("department: '" + department + "' is too long for the namespace '"
                    + namespace + "' (at most " + (63 - NAMESPACE_PREFIX.length()) + " characters)");
        }
        return namespace;
    }

    public static String namespace(AppId id) {
        return namespace(id.department());
    }

    public static String secretName(AppId id) {
        return id.name() + SECRET_SUFFIX;
    }

    /** Labels of the department's own objects (namespace, quota, policies). Sorted, for stable digests. */
    public static Map<String, String> departmentLabels(String department) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(DEPARTMENT, department);
        labels.put(MANAGED_BY, MANAGED_BY_VALUE);
        return labels;
    }

    /** Labels of every object of an app; also what delete selects on. */
    public static Map<String, String> appLabels(AppId id) {
        Map<String, String> labels = departmentLabels(id.department());
        labels.put(APP, id.name());
        return labels;
    }

    /** The pod selector of an app: never changes (a Deployment's selector is immutable). */
    public static Map<String, String> selector(AppId id) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(DEPARTMENT, id.department());
        labels.put(APP, id.name());
        return labels;
    }

    /**
     * The app an object of the runtime belongs to, from its labels; empty for an object that is
     * not an app's, or labelled as ours by hand with values no app could have.
     */
    public static Optional<AppId> appOf(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        if (labels == null || !MANAGED_BY_VALUE.equals(labels.get(MANAGED_BY))) {
            return Optional.empty();
        }
        try {
            return Optional.of(new AppId(labels.get(DEPARTMENT), labels.get(APP)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Metadata of one object of an app, in the department's namespace, carrying the app's labels. */
    public static ObjectMeta appMetadata(AppId id, String name) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace(id))
                .withLabels(appLabels(id))
                .build();
    }
}
