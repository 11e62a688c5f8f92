package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.RuntimeState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A pod stuck without a reason of its own gets one from the namespace's Events; a healthy app reads none. */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeEventsTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesRuntime runtime;

    @BeforeEach
    void hypervisorAppApplied() {
        runtime = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS);
        runtime.apply(Specs.spec(Specs.CLINIC, 1, 1, IsolationTier.HYPERVISOR));
        Deployment deployment = client.apps().deployments().inNamespace("govpaas-health").withName("clinic").get();
        deployment.setStatus(new DeploymentStatusBuilder().withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(0).build());
        client.resource(deployment).updateStatus();
    }

    @Test
    void aSandboxTheNodeCannotCreateIsNamedFromTheNewestWarningOfThatPod() {
        client.resource(Pods.waiting(Specs.CLINIC, "clinic-a", "ContainerCreating", null)).create();
        event("e1", "clinic-a", "Warning", "FailedScheduling", "0/3 nodes are available", "2026-11-27T09:00:00Z");
        event("e2", "clinic-a", "Warning", "FailedCreatePodSandBox",
                "Failed to create pod sandbox: no runtime for \"kata-qemu\" is configured", "2026-11-27T09:00:05Z");
        event("e3", "clinic-a", "Normal", "Scheduled", "Successfully assigned", "2026-11-27T09:00:06Z");
        event("e4", "other-app-x", "Warning", "BackOff", "not this app", "2026-11-27T09:00:07Z");

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.DEPLOYING);
        assertThat(status.message()).isEqualTo("0 of 1 instances ready; clinic-a: FailedCreatePodSandBox: "
                + "Failed to create pod sandbox: no runtime for \"kata-qemu\" is configured");
    }

    @Test
    void aRunningAppReadsNoEvents() throws InterruptedException {
        client.resource(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11")).create();
        Deployment deployment = client.apps().deployments().inNamespace("govpaas-health").withName("clinic").get();
        deployment.getStatus().setReadyReplicas(1);
        client.resource(deployment).updateStatus();
        MockApiRequests.drain(server);

        assertThat(runtime.status(Specs.CLINIC).state()).isEqualTo(RuntimeState.RUNNING);

        assertThat(MockApiRequests.drain(server)).noneMatch(request -> request.contains("/events"));
    }

    private void event(String name, String pod, String type, String reason, String message, String time) {
        Event event = new EventBuilder()
                .withNewMetadata().withName(name).withNamespace("govpaas-health").endMetadata()
                .withNewInvolvedObject().withKind("Pod").withName(pod).withNamespace("govpaas-health").endInvolvedObject()
                .withType(type).withReason(reason).withMessage(message).withLastTimestamp(time)
                .build();
        client.v1().events().inNamespace("govpaas-health").resource(event).create();
    }
}
