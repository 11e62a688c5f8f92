package org.govpaas.platform.runtime;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.govpaas.platform.runtime.Instance.Phase;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.RuntimeState;

/** Turns what a supervisor knows into the SPI's status, with a message a developer can act on. */
final class AppStatusReport {

    private AppStatusReport() {
    }

    static AppStatus of(AppId id, AppSpec spec, long templateGeneration, boolean specComplete, boolean deleting,
                        List<Instance> instances) {
        List<Instance> listed = instances.stream().filter(i -> i.phase != Phase.STOPPING)
                .sorted(Comparator.comparing((Instance i) -> i.index).thenComparing(i -> i.templateGeneration)).toList();
        int ready = (int) listed.stream().filter(i -> i.ready && i.phase == Phase.RUNNING).count();
        List<Instance> current = listed.stream()
                .filter(i -> i.templateGeneration == templateGeneration && i.index < spec.instances()).toList();
        RuntimeState state;
        String message;
        if (deleting) {
            state = RuntimeState.DEPLOYING;
            message = "deleting";
        } else if (spec.instances() == 0) {
            boolean running = instances.stream().anyMatch(Instance::alive);
            state = running ? RuntimeState.DEPLOYING : RuntimeState.STOPPED;
            message = running ? "stopping" : "stopped";
        } else {
            Optional<Instance> failed = current.stream().filter(i -> i.phase == Phase.FAILED).findFirst();
            boolean starting = current.size() < spec.instances()
                    || current.stream().anyMatch(i -> i.phase == Phase.STARTING || i.phase == Phase.WAITING);
            boolean converged = current.size() == spec.instances()
                    && current.stream().allMatch(i -> i.phase == Phase.RUNNING && i.ready)
                    && listed.size() == current.size();
            if (converged) {
                state = RuntimeState.RUNNING;
                message = spec.instances() == 1 ? "ready" : "all " + spec.instances() + " instances ready";
            } else if (failed.isPresent() && ready == 0 && !starting) {
                state = RuntimeState.FAILED;
                message = failed.get().reason;
            } else if (failed.isPresent() && ready > 0) {
                state = RuntimeState.DEGRADED;
                message = ready + " of " + spec.instances() + " instances ready; " + failed.get().reason;
            } else {
                state = RuntimeState.DEPLOYING;
                message = ready + " of " + spec.instances() + " instances ready" + waitingFor(current);
            }
        }
        if (!specComplete && !deleting) {
            message += "; waiting for the control plane to apply the spec again";
        }
        return new AppStatus(id, state, spec.generation(), spec.instances(), ready,
                listed.stream().map(Instance::status).toList(), isolation(listed), message);
    }

    private static String waitingFor(List<Instance> current) {
        return current.stream().filter(i -> i.reason != null).findFirst().map(i -> "; " + i.reason).orElse("");
    }

    /** What actually applies to the processes running now, not what was asked for. */
    private static IsolationTier isolation(List<Instance> instances) {
        List<Instance> alive = instances.stream().filter(Instance::alive).toList();
        if (alive.isEmpty()) {
            return null;
        }
        return alive.stream().allMatch(i -> i.sandboxed) ? IsolationTier.PROCESS_SANDBOXED : IsolationTier.PROCESS;
    }
}
