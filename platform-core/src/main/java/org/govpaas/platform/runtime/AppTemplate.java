package org.govpaas.platform.runtime;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.IsolationTier;

/**
 * The part of a spec that an instance is started from (jar, memory, environment, health check,
 * isolation, route): when it changes, instances are replaced; when only the number of instances
 * or the generation changes, running instances stay. Also converts the spec to and from the
 * state file, which never holds the environment.
 */
final class AppTemplate {

    private AppTemplate() {
    }

    /**
     * @param complete false when {@code applied} came from the state file: its environment is
     *                 unknown, so an unchanged generation is the only proof the template is unchanged
     */
    static boolean changed(AppSpec applied, boolean complete, AppSpec next) {
        if (!complete) {
            return next.generation() != applied.generation()
                    || !template(applied, Map.of()).equals(template(next, Map.of()));
        }
        return !template(applied, applied.environment()).equals(template(next, next.environment()));
    }

    private static List<Object> template(AppSpec spec, Map<String, String> environment) {
        // Only the jar counts as the artifact here: the image is the Kubernetes runtime's business.
        return List.of(String.valueOf(spec.artifact().jar()), spec.memoryMb(), environment, spec.health(),
                String.valueOf(spec.isolation()), String.valueOf(spec.routePath()), spec.restartGeneration());
    }

    static StateStore.AppRecord toRecord(AppSpec spec, long templateGeneration, List<Instance> instances) {
        List<StateStore.InstanceRecord> records = instances.stream()
                .filter(i -> i.phase != Instance.Phase.STOPPING || i.alive())
                .map(i -> new StateStore.InstanceRecord(i.index, i.templateGeneration, i.alive() ? i.process.pid() : 0,
                        i.startedAt, i.port, i.sandboxed, i.restarts))
                .toList();
        return new StateStore.AppRecord(spec.id().department(), spec.id().name(), spec.generation(), templateGeneration,
                String.valueOf(spec.artifact().jar()), spec.instances(), spec.memoryMb(), spec.health().readinessPath(),
                spec.health().startupTimeoutSeconds(), Objects.toString(spec.isolation(), null), spec.routePath(),
                spec.restartGeneration(), records);
    }

    /** The recorded spec with an empty environment: enough to report status, not to start anything. */
    static AppSpec fromRecord(StateStore.AppRecord record) {
        return new AppSpec(new AppId(record.department(), record.name()), record.generation(),
                new AppSpec.Artifact(Path.of(record.jar()), null), record.instances(), record.memoryMb(), Map.of(),
                new AppSpec.HealthCheck(record.readinessPath(), record.startupTimeoutSeconds()),
                record.isolation() == null ? null : IsolationTier.valueOf(record.isolation()), record.routePath(),
                record.restartGeneration() == null ? 0 : record.restartGeneration());
    }
}
