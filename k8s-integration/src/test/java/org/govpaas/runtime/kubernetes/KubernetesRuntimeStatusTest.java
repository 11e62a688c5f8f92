package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.AppStatus.InstanceStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.RuntimeState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Status read from the cluster: the runtime applies the app, then the test plays the Deployment
 * controller and the kubelet by writing the Deployment's status and the pods they would report.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeStatusTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesRuntime runtime;

    @BeforeEach
    void newRuntime() {
        runtime = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS);
    }

    @Test
    void anAppNeverAppliedIsUnknown() {
        assertThat(runtime.status(Specs.CLINIC)).isEqualTo(AppStatus.unknown(Specs.CLINIC));
    }

    @Test
    void allDesiredInstancesReadyIsRunningWithTheirAddresses() {
        apply(3, 2, 2);
        pods(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"), Pods.ready(Specs.CLINIC, "clinic-b", "10.1.0.12"));

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.RUNNING);
        assertThat(status.observedGeneration()).isEqualTo(3);
        assertThat(status.desiredInstances()).isEqualTo(2);
        assertThat(status.readyInstances()).isEqualTo(2);
        assertThat(status.isolation()).isEqualTo(IsolationTier.HYPERVISOR);
        assertThat(status.message()).isEqualTo("2 of 2 instances ready");
        assertThat(status.instances()).containsExactly(
                new InstanceStatus("clinic-a", "10.1.0.11:8080", true, 0, null),
                new InstanceStatus("clinic-b", "10.1.0.12:8080", true, 0, null));
    }

    @Test
    void aCrashLoopIsFailedWithTheExitCodeInTheMessage() {
        apply(1, 1, 1);
        pods(Pods.crashLooping(Specs.CLINIC, "clinic-a", 3));

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.FAILED);
        assertThat(status.readyInstances()).isZero();
        assertThat(status.message()).startsWith("0 of 1 instances ready; clinic-a: CrashLoopBackOff")
                .contains("last exit code 3 (Error)");
        assertThat(status.instances()).singleElement().satisfies(instance -> {
            assertThat(instance.restarts()).isEqualTo(5);
            assertThat(instance.reason()).startsWith("CrashLoopBackOff").contains("last exit code 3");
        });
    }

    @Test
    void anImageThatCannotBePulledIsFailedSayingSo() {
        apply(1, 2, 2);
        pods(Pods.waiting(Specs.CLINIC, "clinic-a", "ImagePullBackOff",
                        "Back-off pulling image \"registry.city.gov/health/clinic:1.4.2\""),
                Pods.waiting(Specs.CLINIC, "clinic-b", "ErrImagePull", "manifest unknown"));

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.FAILED);
        assertThat(status.message()).contains("clinic-a: ImagePullBackOff (Back-off pulling image")
                .contains("clinic-b: ErrImagePull (manifest unknown)");
    }

    @Test
    void oneOfThreeInstancesCrashingIsDegraded() {
        apply(1, 3, 3);
        pods(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"), Pods.ready(Specs.CLINIC, "clinic-b", "10.1.0.12"),
                Pods.crashLooping(Specs.CLINIC, "clinic-c", 1));

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.DEGRADED);
        assertThat(status.readyInstances()).isEqualTo(2);
        assertThat(status.message()).startsWith("2 of 3 instances ready; clinic-c: CrashLoopBackOff");
    }

    @Test
    void instancesStillStartingAreDeploying() {
        apply(1, 2, 2);
        pods(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"), Pods.starting(Specs.CLINIC, "clinic-b", "10.1.0.12"));

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.DEPLOYING);
        assertThat(status.message()).isEqualTo("1 of 2 instances ready");
        assertThat(status.instances().get(1).reason()).isEqualTo("running, not ready");
    }

    @Test
    void untilTheControllerHasSeenTheNewSpecReadyPodsDoNotMakeItRunning() {
        apply(1, 1, 1);
        pods(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        runtime.apply(Specs.spec(Specs.CLINIC, 2, 2, IsolationTier.HYPERVISOR));
        // The controller has not acted yet: its status still describes the previous spec.

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.DEPLOYING);
        assertThat(status.observedGeneration()).isEqualTo(2);
        assertThat(status.message()).contains("waiting for the cluster");
    }

    @Test
    void zeroInstancesWithNoPodLeftIsStopped() {
        apply(4, 0, 0);

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.STOPPED);
        assertThat(status.observedGeneration()).isEqualTo(4);
        assertThat(status.desiredInstances()).isZero();
    }

    @Test
    void podsBeingDeletedAreNoInstancesAnyMore() {
        apply(1, 1, 1);
        pods(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"), Pods.withFinalizer(Specs.CLINIC, "clinic-old"));
        // A finalizer keeps a deleted pod visible, marked with its deletion time, as while it shuts down.
        client.pods().inNamespace("govpaas-health").withName("clinic-old").delete();
        assertThat(client.pods().inNamespace("govpaas-health").withName("clinic-old").get().getMetadata()
                .getDeletionTimestamp()).isNotNull();

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.RUNNING);
        assertThat(status.instances()).extracting(InstanceStatus::id).containsExactly("clinic-a");
    }

    @Test
    void aQuotaRefusingPodsIsFailedWithTheClustersReason() {
        apply(1, 2, 0, new DeploymentConditionBuilder().withType("ReplicaFailure").withStatus("True")
                .withReason("FailedCreate").withMessage("pods \"clinic-x\" is forbidden: exceeded quota: "
                        + "govpaas-department-quota, requested: limits.memory=384Mi").build());

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.FAILED);
        assertThat(status.message()).contains("cannot create instances: pods \"clinic-x\" is forbidden: exceeded quota");
    }

    @Test
    void aPodNoNodeMayTakeIsFailedSayingWhy() {
        apply(1, 1, 1);
        pods(Pods.unschedulable(Specs.CLINIC, "clinic-a",
                "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."));

        AppStatus status = runtime.status(Specs.CLINIC);

        assertThat(status.state()).isEqualTo(RuntimeState.FAILED);
        assertThat(status.message()).contains("clinic-a: cannot be scheduled: 0/3 nodes are available");
        assertThat(status.instances()).singleElement().satisfies(i -> assertThat(i.address()).isNull());
    }

    @Test
    void logsOfEveryPodAreMergedByTimeAndTailed() {
        apply(1, 2, 2);
        pods(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"), Pods.ready(Specs.CLINIC, "clinic-b", "10.1.0.12"));
        expectLog("clinic-a", "2026-11-27T09:00:01.000000001Z started\n2026-11-27T09:00:03Z listening on 8080\n");
        expectLog("clinic-b", "2026-11-27T09:00:02Z started\n2026-11-27T09:00:04Z listening on 8080\n");

        assertThat(runtime.logs(Specs.CLINIC, 2)).extracting(line -> line.instance() + " " + line.text())
                .containsExactly("clinic-a listening on 8080", "clinic-b listening on 8080");
        assertThat(runtime.logs(Specs.CLINIC, 3)).extracting(line -> line.instance() + " " + line.text())
                .containsExactly("clinic-b started", "clinic-a listening on 8080", "clinic-b listening on 8080");
    }

    /** Applies generation {@code generation} and reports it as the Deployment controller would once done. */
    private void apply(long generation, int instances, int ready, DeploymentCondition... conditions) {
        runtime.apply(Specs.spec(Specs.CLINIC, generation, instances, IsolationTier.HYPERVISOR));
        Deployment deployment = client.apps().deployments().inNamespace("govpaas-health").withName("clinic").get();
        deployment.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(instances).withUpdatedReplicas(instances).withReadyReplicas(ready)
                .withConditions(conditions)
                .build());
        client.resource(deployment).updateStatus();
    }

    private void pods(Pod... pods) {
        for (Pod pod : pods) {
            client.resource(pod).create();
        }
    }

    private void expectLog(String pod, String text) {
        for (int tail : new int[] {2, 3}) {
            server.expect().get()
                    .withPath("/api/v1/namespaces/govpaas-health/pods/" + pod
                            + "/log?pretty=false&container=app&tailLines=" + tail + "&timestamps=true")
                    .andReturn(200, text).always();
        }
    }
}
