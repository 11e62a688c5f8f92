package org.govpaas.runtime.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentConditionBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.RuntimeState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A control plane told of an app whose status changed by itself: the test plays the kubelet and
 * the Deployment controller by writing pods and Deployment status, and the watcher does what the
 * reconciler does when told, it reads the app's status, which is what the assertions look at.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesRuntimeStatusWatchTest {

    private static final AppId SCHOOLS_CLINIC = new AppId("schools", "clinic");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final String POD_WATCH =
            "/api/v1/pods?allowWatchBookmarks=true&labelSelector=app.kubernetes.io%2Fmanaged-by%3Dgovpaas";

    KubernetesMockServer server;
    KubernetesClient client;
    private KubernetesRuntime runtime;
    private final List<AutoCloseable> toClose = new ArrayList<>();
    /** What the watcher saw when it looked at the app it was told of, in the order told. */
    private final List<AppStatus> heard = new CopyOnWriteArrayList<>();

    @BeforeEach
    void newRuntime() {
        runtime = new KubernetesRuntime(client, Specs.SETTINGS, department -> Specs.HEALTH_LIMITS);
    }

    @AfterEach
    void closeWatches() throws Exception {
        for (AutoCloseable closeable : toClose.reversed()) {
            closeable.close();
        }
    }

    @Test
    void aWatcherIsToldOfAnInstanceTurningReadyAndItsOwnLookShowsTheAppRunning() throws Exception {
        deployed(Specs.CLINIC);
        create(Pods.starting(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        watch(runtime, id -> heard.add(runtime.status(id)));
        assertThat(runtime.status(Specs.CLINIC).state()).isEqualTo(RuntimeState.DEPLOYING);

        report(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(heard).anySatisfy(status -> {
            assertThat(status.id()).isEqualTo(Specs.CLINIC);
            assertThat(status.state()).isEqualTo(RuntimeState.RUNNING);
            assertThat(status.readyInstances()).isEqualTo(1);
        }));
    }

    @Test
    void aWatcherIsToldOfACrashLoopAndSeesTheAppFailedWithTheExit() throws Exception {
        deployed(Specs.CLINIC);
        create(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        watch(runtime, id -> heard.add(runtime.status(id)));

        report(Pods.crashLooping(Specs.CLINIC, "clinic-a", 3));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(heard).anySatisfy(status -> {
            assertThat(status.id()).isEqualTo(Specs.CLINIC);
            assertThat(status.state()).isEqualTo(RuntimeState.FAILED);
            assertThat(status.message()).contains("CrashLoopBackOff").contains("last exit code 3");
        }));
    }

    @Test
    void aWatcherIsToldWhenTheClusterRefusesToCreateInstances() throws Exception {
        deployed(Specs.CLINIC);
        watch(runtime, id -> heard.add(runtime.status(id)));

        deploymentStatus(Specs.CLINIC, 0, new DeploymentConditionBuilder().withType("ReplicaFailure")
                .withStatus("True").withReason("FailedCreate")
                .withMessage("pods \"clinic-x\" is forbidden: exceeded quota: govpaas-department-quota").build());

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(heard).anySatisfy(status -> {
            assertThat(status.id()).isEqualTo(Specs.CLINIC);
            assertThat(status.state()).isEqualTo(RuntimeState.FAILED);
            assertThat(status.message()).contains("exceeded quota");
        }));
    }

    @Test
    void appsOfTheSameNameInTwoDepartmentsAreToldApart() throws Exception {
        deployed(Specs.CLINIC);
        deployed(SCHOOLS_CLINIC);
        create(Pods.starting(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        create(Pods.starting(SCHOOLS_CLINIC, "clinic-a", "10.2.0.11"));
        watch(runtime, id -> heard.add(runtime.status(id)));

        report(Pods.ready(SCHOOLS_CLINIC, "clinic-a", "10.2.0.11"));

        awaitHeardRunningAt(SCHOOLS_CLINIC, "10.2.0.11:8080");
        assertThat(heard).as("nothing of the health department's clinic changed")
                .extracting(AppStatus::id).containsOnly(SCHOOLS_CLINIC);

        report(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"));

        awaitHeardRunningAt(Specs.CLINIC, "10.1.0.11:8080");
    }

    @Test
    void aChangeThatCannotChangeTheStatusIsNotTold() throws Exception {
        deployed(Specs.CLINIC);
        deployed(SCHOOLS_CLINIC);
        create(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        create(Pods.starting(SCHOOLS_CLINIC, "clinic-a", "10.2.0.11"));
        List<AppId> told = new CopyOnWriteArrayList<>();
        watch(runtime, told::add);

        // Someone annotates the health clinic's pod; then the schools' instance turns ready. The
        // watch delivers a kind's changes in order, so by the time the second is told, the first was
        // either told or passed over.
        client.pods().inNamespace("govpaas-health").withName("clinic-a").edit(pod -> new PodBuilder(pod)
                .editMetadata().addToAnnotations("ops.city.gov/ticket", "INC-4711").endMetadata().build());
        report(Pods.ready(SCHOOLS_CLINIC, "clinic-a", "10.2.0.11"));

        await().atMost(TIMEOUT).until(() -> told.contains(SCHOOLS_CLINIC));
        assertThat(told).doesNotContain(Specs.CLINIC);
    }

    @Test
    void aClosedWatchIsToldNothingMore() throws Exception {
        deployed(Specs.CLINIC);
        create(Pods.starting(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        List<AppId> toldAfterClose = new CopyOnWriteArrayList<>();
        AppStatusWatch closed = watch(runtime, toldAfterClose::add);
        watch(runtime, id -> heard.add(runtime.status(id))); // a witness that the change was there to hear

        closed.close();
        report(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"));

        await().atMost(TIMEOUT).until(() -> heard.stream().anyMatch(status -> status.state() == RuntimeState.RUNNING));
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(2))
                .untilAsserted(() -> assertThat(toldAfterClose).isEmpty());
    }

    @Test
    void aWatcherThatThrowsIsStillToldOfLaterChanges() throws Exception {
        deployed(Specs.CLINIC);
        create(Pods.starting(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        watch(runtime, id -> {
            heard.add(runtime.status(id));
            throw new IllegalStateException("the watcher's own bug");
        });

        report(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        await().atMost(TIMEOUT).until(() -> heard.stream().anyMatch(status -> status.state() == RuntimeState.RUNNING));
        report(Pods.crashLooping(Specs.CLINIC, "clinic-a", 3));

        await().atMost(TIMEOUT).until(() -> heard.stream().anyMatch(status -> status.state() == RuntimeState.FAILED));
    }

    /**
     * Watching starts while the API server is away: no exception, the watch connects once it is
     * back, and what it hears ends the runtime's back-off, so the watcher's look at the app reaches
     * the cluster rather than answering from before the outage (the test's clock never moves on).
     */
    @Test
    void aWatchStartedDuringAnOutageConnectsWhenTheClusterIsBackAndEndsTheBackOff() throws Exception {
        deployed(Specs.CLINIC);
        create(Pods.starting(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        NetworkCut network = new NetworkCut(server.getHostName(), server.getPort());
        toClose.add(network);
        KubernetesRuntime cutOff = new KubernetesRuntime(clientThrough(network), Specs.SETTINGS,
                department -> Specs.HEALTH_LIMITS, new TestClock(), KubernetesRuntime.DEPARTMENT_RECHECK);
        assertThat(cutOff.status(Specs.CLINIC).state()).isEqualTo(RuntimeState.DEPLOYING);

        network.refuse();
        assertThat(cutOff.status(Specs.CLINIC).message()).startsWith("Kubernetes API unavailable");
        AutoCloseable handle = cutOff.watchStatus(id -> heard.add(cutOff.status(id)));
        toClose.add(handle);
        AppStatusWatch watch = (AppStatusWatch) handle;
        await().atMost(TIMEOUT).until(() -> network.refused() >= 4); // both informers tried, and again
        assertThat(watch.started()).isNotDone();

        network.admit();
        watch.started().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        report(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(heard).anySatisfy(status -> {
            assertThat(status.state()).isEqualTo(RuntimeState.RUNNING);
            assertThat(status.message()).isEqualTo("1 of 1 instances ready");
        }));
    }

    /**
     * The API server ends a watch whose resource version it no longer keeps (HTTP 410 Gone, as after
     * etcd compacted it away): the watch lists again, carries on from there, and goes on telling.
     */
    @Test
    void aWatchTheApiServerEndsAsGoneListsAgainAndGoesOnTelling() throws Exception {
        deployed(Specs.CLINIC);
        create(Pods.starting(Specs.CLINIC, "clinic-a", "10.1.0.11"));
        String version = client.pods().inAnyNamespace()
                .withLabel(KubernetesNames.MANAGED_BY, KubernetesNames.MANAGED_BY_VALUE).list()
                .getMetadata().getResourceVersion();
        server.expect().get().withPath(POD_WATCH + "&resourceVersion=" + version + "&timeoutSeconds=600&watch=true")
                .andUpgradeToWebSocket().open()
                .waitFor(100).andEmit(new WatchEvent(new StatusBuilder().withCode(410).withReason("Expired")
                        .withMessage("too old resource version: " + version).build(), "ERROR"))
                .done().once();
        MockApiRequests.drain(server);
        watch(runtime, id -> heard.add(runtime.status(id)));

        List<String> requests = new ArrayList<>();
        await().atMost(TIMEOUT).until(() -> {
            requests.addAll(MockApiRequests.drain(server));
            return requests.stream().filter(request -> request.startsWith("GET " + POD_WATCH)).count() >= 2;
        });
        report(Pods.ready(Specs.CLINIC, "clinic-a", "10.1.0.11"));

        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(heard).anySatisfy(status -> {
            assertThat(status.id()).isEqualTo(Specs.CLINIC);
            assertThat(status.state()).isEqualTo(RuntimeState.RUNNING);
        }));
        assertThat(requests).as("listed once at the start and again after the 410")
                .filteredOn(request -> request.startsWith("GET /api/v1/pods?labelSelector=")).hasSizeGreaterThanOrEqualTo(2);
    }

    /** The watcher was told of {@code id} and saw it running on its one instance at {@code address}. */
    private void awaitHeardRunningAt(AppId id, String address) {
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(heard).anySatisfy(status -> {
            assertThat(status.id()).isEqualTo(id);
            assertThat(status.state()).isEqualTo(RuntimeState.RUNNING);
            assertThat(status.instances()).singleElement()
                    .satisfies(instance -> assertThat(instance.address()).isEqualTo(address));
        }));
    }

    private AppStatusWatch watch(KubernetesRuntime on, Consumer<AppId> watcher) throws Exception {
        AppStatusWatch watch = (AppStatusWatch) on.watchStatus(watcher);
        toClose.add(watch);
        // Listing and connecting happen in the background; a change made before would not be told.
        watch.started().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        return watch;
    }

    /** Applied, and the Deployment controller has acted on it with no instance ready yet. */
    private void deployed(AppId id) {
        runtime.apply(Specs.spec(id, 1, 1, IsolationTier.STANDARD));
        deploymentStatus(id, 0);
    }

    private void deploymentStatus(AppId id, int ready, DeploymentCondition... conditions) {
        Deployment deployment = client.apps().deployments().inNamespace(KubernetesNames.namespace(id))
                .withName(id.name()).get();
        deployment.setStatus(new DeploymentStatusBuilder()
                .withObservedGeneration(deployment.getMetadata().getGeneration())
                .withReplicas(1).withUpdatedReplicas(1).withReadyReplicas(ready)
                .withConditions(conditions)
                .build());
        client.resource(deployment).updateStatus();
    }

    private void create(Pod pod) {
        client.resource(pod).create();
    }

    /** The kubelet reports the pod's new status. */
    private void report(Pod pod) {
        Pod current = client.pods().inNamespace(pod.getMetadata().getNamespace())
                .withName(pod.getMetadata().getName()).get();
        client.resource(new PodBuilder(current).withStatus(pod.getStatus()).build()).updateStatus();
    }

    /** A client reaching the API server through {@code network}, quick to try again after a failure. */
    private KubernetesClient clientThrough(NetworkCut network) {
        KubernetesClient through = new KubernetesClientBuilder().withConfig(new ConfigBuilder()
                .withMasterUrl(network.url()).withRequestRetryBackoffLimit(0).withRequestTimeout(2000)
                .withWatchReconnectInterval(100).build()).build();
        toClose.add(through);
        return through;
    }
}
