package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.AppStatus.InstanceStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.RuntimeState;

/**
 * What an app's Deployment and pods say about it, in the SPI's words. A pure function of what
 * was read, so that every state can be tested from realistic objects without a cluster.
 */
final class AppStatusMapping {

    /** Waiting reasons after which the kubelet will not get the container running by itself. */
    static final Set<String> FAILING_REASONS = Set.of("CrashLoopBackOff", "ImagePullBackOff", "ErrImagePull",
            "InvalidImageName", "CreateContainerConfigError", "CreateContainerError", "RunContainerError");

    private AppStatusMapping() {
    }

    static AppStatus map(AppId id, Deployment deployment, List<Pod> pods) {
        return map(id, deployment, pods, List::of);
    }

    /**
     * @param events the namespace's Events; read only when some pod is stuck without a reason of
     *               its own, so that a healthy app costs no extra request
     */
    static AppStatus map(AppId id, Deployment deployment, List<Pod> pods, Supplier<List<Event>> events) {
        int desired = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        long observedGeneration = generation(deployment);
        IsolationTier tier = tier(deployment);
        List<Pod> current = pods.stream()
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .toList();
        List<InstanceStatus> instances = current.stream().map(AppStatusMapping::instance).toList();
        int ready = (int) instances.stream().filter(InstanceStatus::ready).count();

        List<String> failures = new ArrayList<>();
        for (Pod pod : current) {
            failure(pod).ifPresent(reason -> failures.add(pod.getMetadata().getName() + ": " + reason));
        }
        deploymentFailure(deployment).ifPresent(failures::add);

        RuntimeState state;
        String message;
        if (desired == 0) {
            state = current.isEmpty() ? RuntimeState.STOPPED : RuntimeState.DEPLOYING;
            message = current.isEmpty() ? "stopped" : "stopping " + current.size() + " instance(s)";
        } else if (!failures.isEmpty()) {
            state = ready == 0 ? RuntimeState.FAILED : RuntimeState.DEGRADED;
            message = ready + " of " + desired + " instances ready; " + String.join("; ", failures);
        } else if (!controllerCaughtUp(deployment)) {
            state = RuntimeState.DEPLOYING;
            message = "waiting for the cluster to act on generation " + observedGeneration;
        } else if (ready == desired && current.size() == desired && updated(deployment) == desired) {
            state = RuntimeState.RUNNING;
            message = ready + " of " + desired + " instances ready";
        } else {
            state = RuntimeState.DEPLOYING;
            message = ready + " of " + desired + " instances ready";
            List<Pod> stuck = current.stream().filter(pod -> !isReady(pod)).toList();
            if (!stuck.isEmpty()) {
                List<String> warnings = PodWarnings.of(stuck, events.get());
                if (!warnings.isEmpty()) {
                    message += "; " + String.join("; ", warnings);
                }
            }
        }
        return new AppStatus(id, state, observedGeneration, desired, ready, instances, tier, message);
    }

    private static InstanceStatus instance(Pod pod) {
        boolean ready = isReady(pod);
        String address = pod.getStatus() == null || pod.getStatus().getPodIP() == null ? null
                : pod.getStatus().getPodIP() + ":" + KubernetesNames.APP_PORT;
        int restarts = containerStatuses(pod).stream()
                .mapToInt(status -> Optional.ofNullable(status.getRestartCount()).orElse(0)).sum();
        String reason = ready ? null : failure(pod).orElse(phase(pod));
        return new InstanceStatus(pod.getMetadata().getName(), address, ready, restarts, reason);
    }

    /** Why a pod cannot run: a failing container, or no node that may take it. */
    static Optional<String> failure(Pod pod) {
        for (ContainerStatus status : containerStatuses(pod)) {
            ContainerStateWaiting waiting = status.getState() == null ? null : status.getState().getWaiting();
            if (waiting != null && FAILING_REASONS.contains(waiting.getReason())) {
                StringBuilder text = new StringBuilder(waiting.getReason());
                if (waiting.getMessage() != null && !waiting.getMessage().isBlank()) {
                    text.append(" (").append(waiting.getMessage()).append(')');
                }
                lastExit(status).ifPresent(exit -> text.append(", ").append(exit));
                return Optional.of(text.toString());
            }
        }
        if (pod.getStatus() != null && "Failed".equals(pod.getStatus().getPhase())) {
            return Optional.of("failed" + (pod.getStatus().getMessage() == null ? "" : ": " + pod.getStatus().getMessage()));
        }
        return condition(pod, "PodScheduled")
                .filter(c -> "False".equals(c.getStatus()) && "Unschedulable".equals(c.getReason()))
                .map(c -> "cannot be scheduled: " + c.getMessage());
    }

    private static Optional<String> lastExit(ContainerStatus status) {
        if (status.getLastState() == null || status.getLastState().getTerminated() == null) {
            return Optional.empty();
        }
        ContainerStateTerminated terminated = status.getLastState().getTerminated();
        String reason = terminated.getReason() == null ? "" : " (" + terminated.getReason() + ")";
        return Optional.of("last exit code " + terminated.getExitCode() + reason);
    }

    /** Reasons the Deployment itself gives: quota refusing pods, a roll-out that gave up. */
    private static Optional<String> deploymentFailure(Deployment deployment) {
        for (DeploymentCondition condition : deploymentConditions(deployment)) {
            if ("ReplicaFailure".equals(condition.getType()) && "True".equals(condition.getStatus())) {
                return Optional.of("cannot create instances: " + condition.getMessage());
            }
            if ("Progressing".equals(condition.getType()) && "False".equals(condition.getStatus())
                    && "ProgressDeadlineExceeded".equals(condition.getReason())) {
                return Optional.of("roll-out stalled: " + condition.getMessage());
            }
        }
        return Optional.empty();
    }

    /** Until the controller has seen the newest spec, the counts in the status describe an older one. */
    private static boolean controllerCaughtUp(Deployment deployment) {
        Long generation = deployment.getMetadata().getGeneration();
        DeploymentStatus status = deployment.getStatus();
        if (generation == null) {
            return true;
        }
        return status != null && status.getObservedGeneration() != null && status.getObservedGeneration() >= generation;
    }

    private static int updated(Deployment deployment) {
        DeploymentStatus status = deployment.getStatus();
        return status == null || status.getUpdatedReplicas() == null ? 0 : status.getUpdatedReplicas();
    }

    private static boolean isReady(Pod pod) {
        return condition(pod, "Ready").map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private static String phase(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return phase == null ? "starting" : phase.toLowerCase() + ", not ready";
    }

    private static Optional<PodCondition> condition(Pod pod, String type) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return Optional.empty();
        }
        return pod.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static List<ContainerStatus> containerStatuses(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return List.of();
        }
        return pod.getStatus().getContainerStatuses();
    }

    private static List<DeploymentCondition> deploymentConditions(Deployment deployment) {
        if (deployment.getStatus() == null || deployment.getStatus().getConditions() == null) {
            return List.of();
        }
        return deployment.getStatus().getConditions();
    }

    private static long generation(Deployment deployment) {
        Map<String, String> annotations = deployment.getMetadata().getAnnotations();
        String value = annotations == null ? null : annotations.get(KubernetesNames.GENERATION);
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static IsolationTier tier(Deployment deployment) {
        Map<String, String> labels = deployment.getMetadata().getLabels();
        try {
            return labels == null || labels.get(KubernetesNames.ISOLATION) == null ? null
                    : IsolationTier.fromLabel(labels.get(KubernetesNames.ISOLATION));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
