package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import org.govpaas.runtime.AppId;

/** Pods as the kubelet reports them in realistic states, for the status tests. */
final class Pods {

    private Pods() {
    }

    static Pod ready(AppId id, String name, String ip) {
        return pod(id, name, ip, "Running", true, running(0));
    }

    static Pod starting(AppId id, String name, String ip) {
        return pod(id, name, ip, "Running", false, running(0));
    }

    /** A container that exits at start, restarted again and again by the kubelet with growing back-off. */
    static Pod crashLooping(AppId id, String name, int exitCode) {
        ContainerStatus status = new ContainerStatusBuilder()
                .withName(AppDeployment.CONTAINER).withReady(false).withRestartCount(5)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff")
                .withMessage("back-off 2m40s restarting failed container=app pod=" + name).endWaiting().endState()
                .withNewLastState().withNewTerminated().withExitCode(exitCode).withReason("Error").endTerminated().endLastState()
                .build();
        return pod(id, name, "10.1.0.99", "Running", false, status);
    }

    static Pod waiting(AppId id, String name, String reason, String message) {
        ContainerStatus status = new ContainerStatusBuilder()
                .withName(AppDeployment.CONTAINER).withReady(false).withRestartCount(0)
                .withNewState().withNewWaiting().withReason(reason).withMessage(message).endWaiting().endState()
                .build();
        return pod(id, name, "10.1.0.98", "Pending", false, status);
    }

    static Pod unschedulable(AppId id, String name, String message) {
        return new PodBuilder(base(id, name))
                .withNewStatus().withPhase("Pending")
                .addNewCondition().withType("PodScheduled").withStatus("False").withReason("Unschedulable")
                .withMessage(message).endCondition()
                .endStatus().build();
    }

    static Pod withFinalizer(AppId id, String name) {
        Pod pod = ready(id, name, "10.1.0.50");
        pod.getMetadata().setFinalizers(java.util.List.of("govpaas.org/test-hold"));
        return pod;
    }

    private static ContainerStatus running(int restarts) {
        return new ContainerStatusBuilder()
                .withName(AppDeployment.CONTAINER).withRestartCount(restarts)
                .withNewState().withNewRunning().withStartedAt("2026-11-27T09:00:00Z").endRunning().endState()
                .build();
    }

    private static Pod pod(AppId id, String name, String ip, String phase, boolean ready, ContainerStatus container) {
        container.setReady(ready);
        return new PodBuilder(base(id, name))
                .withNewStatus().withPhase(phase).withPodIP(ip)
                .addNewCondition().withType("PodScheduled").withStatus("True").endCondition()
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .withContainerStatuses(container)
                .endStatus().build();
    }

    private static Pod base(AppId id, String name) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(KubernetesNames.namespace(id))
                .withLabels(KubernetesNames.appLabels(id)).endMetadata()
                .withNewSpec().addNewContainer().withName(AppDeployment.CONTAINER).withImage("registry.city.gov/x:1")
                .endContainer().endSpec()
                .build();
    }
}
