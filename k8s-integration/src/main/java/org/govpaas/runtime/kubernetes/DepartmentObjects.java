package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * A department's own objects (namespace, quota, limit range, network policies), written through
 * {@link ObjectApplier} and then trusted for {@code recheck}: every app of the department
 * renders the same objects, and reading all seven again for each of its apps is most of the
 * requests of a reconcile pass. A changed quota or setting (another digest) is applied at once;
 * a department object changed or deleted by hand in the cluster is repaired within
 * {@code recheck}, or at once when a write of one of its apps fails.
 */
final class DepartmentObjects {

    private record Confirmation(String digest, Instant at) {
    }

    private final ObjectApplier applier;
    private final Clock clock;
    private final Duration recheck;
    private final Map<String, Confirmation> confirmed = new ConcurrentHashMap<>();

    DepartmentObjects(ObjectApplier applier, Clock clock, Duration recheck) {
        this.applier = applier;
        this.clock = clock;
        this.recheck = recheck;
    }

    static List<HasMetadata> desired(String department, DepartmentLimits limits, KubernetesSettings settings) {
        List<HasMetadata> objects = new ArrayList<>();
        objects.add(DepartmentNamespace.desired(department));
        objects.add(DepartmentQuota.resourceQuota(department, limits));
        objects.add(DepartmentQuota.limitRange(department, limits));
        objects.addAll(DepartmentNetworkPolicies.desired(department, settings));
        return objects;
    }

    /** Applies {@code objects} unless exactly these were confirmed less than {@code recheck} ago. */
    void apply(String department, List<HasMetadata> objects) {
        String digest = objects.stream().map(applier::digest).collect(Collectors.joining(","));
        Instant now = clock.instant();
        Confirmation last = confirmed.get(department);
        if (last != null && last.digest().equals(digest) && now.isBefore(last.at().plus(recheck))) {
            return;
        }
        objects.forEach(applier::apply);
        confirmed.put(department, new Confirmation(digest, now));
    }

    /** The next apply reads them again, e.g. after a write into the department failed. */
    void forget(String department) {
        confirmed.remove(department);
    }
}
