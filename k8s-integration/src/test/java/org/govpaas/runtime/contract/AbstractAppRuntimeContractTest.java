package org.govpaas.runtime.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.AppStatus.InstanceStatus;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.LogLine;
import org.govpaas.runtime.RuntimeState;
import org.govpaas.runtime.contract.TestApp.Behaviour;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of the runtime SPI, checked against a real runtime running {@link TestApp}
 * (anchor: spring-cloud-deployer's {@code AbstractAppDeployerIntegrationTests}). Every runtime
 * extends this class; the runtime-specific checks live in the subclass.
 *
 * <h2>Environment contract a runtime must honour</h2>
 * Every instance gets, besides {@link AppSpec#environment()} (which it must not override):
 * <ul>
 *   <li>{@code PORT} and {@code SERVER_PORT}: the port the instance must listen on (Spring Boot
 *       reads {@code SERVER_PORT}); {@link InstanceStatus#address()} is where it is reachable</li>
 *   <li>{@code GOVPAAS_INSTANCE_INDEX}: {@code 0..instances-1}, stable across restarts of that
 *       instance (an app may use it to elect a single scheduler)</li>
 *   <li>{@code GOVPAAS_ROUTE_PATH}: {@link AppSpec#routePath()}, so the app can build its own links</li>
 * </ul>
 * The platform's own variables never reach an app.
 *
 * <p>Runs take a few seconds per test: every test starts real instances. Tests never assert on
 * wall-clock time; {@link #convergenceTimeout()} only bounds how long they wait.
 */
public abstract class AbstractAppRuntimeContractTest {

    private static final String READINESS_PATH = "/ready";
    private static final Duration POLL = Duration.ofMillis(200);
    /** How long a test watches for something that must not happen (a restart, a duplicate). */
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(2);

    private final List<AppId> deployed = new ArrayList<>();
    private AppRuntime runtime;

    /** A new runtime under test, called once before each test; closed after it when it is {@link AutoCloseable}. */
    protected abstract AppRuntime runtime();

    /**
     * A new runtime object over the same persistent state, as after a control-plane restart. The
     * previous object must be abandoned as a crashed control plane would be: its supervision
     * stops, its app processes are NOT stopped.
     */
    protected abstract AppRuntime restartedRuntime();

    /**
     * What to run for a behaviour. The suite also passes the behaviour in {@link TestApp#BEHAVIOUR},
     * so a runtime may return the same artifact for all of them.
     */
    protected abstract AppSpec.Artifact artifact(Behaviour behaviour);

    /** How long a change may take to show in status; generous, tests end as soon as it shows. */
    protected abstract Duration convergenceTimeout();

    /**
     * How many instance processes (pods) of the app exist, counted in the underlying system
     * rather than in the runtime's bookkeeping, to catch duplicates and orphans.
     */
    protected abstract long countInstanceProcesses(AppId id);

    /** Kills one instance's process from outside the runtime, as a crash or an OOM killer would. */
    protected abstract void killInstanceProcess(AppId id, String instanceId);

    /**
     * The value of the environment variable {@code name} as the instance sees it, null when unset.
     * By default the instance is asked over HTTP ({@link TestApp}'s {@code /env/NAME}); a runtime
     * whose instances the test cannot reach over the network (pods behind a mock API server)
     * answers from what its node really handed the container.
     */
    protected String instanceEnvironment(InstanceStatus instance, String name) {
        Http.Response response = Http.get(instance.address(), "/env/" + name);
        return response.status() == 200 ? response.body() : null;
    }

    /**
     * Whether something answers 200 on the readiness path at {@code address} (an
     * {@link InstanceStatus#address()}). By default over HTTP; see {@link #instanceEnvironment}.
     */
    protected boolean instanceServes(String address) {
        return Http.get(address, READINESS_PATH).status() == 200;
    }

    /**
     * Whether every instance gets a stable {@code GOVPAAS_INSTANCE_INDEX}. A runtime that says no
     * is checked for everything else; the Kubernetes runtime's Deployment has no stable ordinal.
     */
    protected boolean providesInstanceIndex() {
        return true;
    }

    /**
     * Makes the instance write {@code text} as a line of its output. By default over HTTP
     * ({@link TestApp}'s {@code /log/{text}}); see {@link #instanceEnvironment}.
     */
    protected void makeInstancePrint(InstanceStatus instance, String text) {
        Http.get(instance.address(), "/log/" + text);
    }

    /**
     * Returns once {@code watch}, a handle from {@link AppRuntime#watchStatus}, is told of changes.
     * By default at once; a runtime whose watch connects in the background waits for it here, so
     * that a test's change is not made before anyone listens.
     */
    protected void awaitWatching(AutoCloseable watch) throws Exception {
    }

    /** The tier the suite asks for: by default the weakest one the runtime supports. */
    protected IsolationTier isolation() {
        for (IsolationTier tier : IsolationTier.values()) {
            if (runtime.supportedIsolation().contains(tier)) {
                return tier;
            }
        }
        throw new IllegalStateException("runtime supports no isolation tier");
    }

    @BeforeEach
    void startRuntime() {
        runtime = runtime();
    }

    /** Deletes what the test deployed, then closes the runtime when it is closeable. */
    @AfterEach
    void deleteDeployedApps() throws Exception {
        try {
            for (AppId id : deployed) {
                runtime.delete(id);
            }
        } finally {
            if (runtime instanceof AutoCloseable closeable) {
                closeable.close();
            }
        }
    }

    @Test
    void anAppNeverAppliedIsUnknown() {
        AppId id = newAppId();
        assertThat(runtime.status(id).state()).isEqualTo(RuntimeState.UNKNOWN);
        assertThat(runtime.apps()).doesNotContain(id);
        assertThatCode(() -> runtime.delete(id)).doesNotThrowAnyException();
    }

    @Test
    void preparingASpecStartsNothingAndHoldsNoApp() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.HEALTHY, 1, Map.of());
        CompletionStage<Void> prepared = runtime.prepare(spec);
        // A preparation works in the background: nothing of the app may appear meanwhile either.
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).pollInterval(POLL).untilAsserted(() -> {
            assertThat(runtime.apps()).doesNotContain(spec.id());
            assertThat(runtime.status(spec.id()).state()).isEqualTo(RuntimeState.UNKNOWN);
            assertThat(countInstanceProcesses(spec.id())).isZero();
        });
        assertThat(prepared).as("the preparation tells when it has ended").succeedsWithin(Duration.ofMinutes(5));
        assertThat(runtime.apps()).doesNotContain(spec.id());

        runtime.apply(spec);
        assertThat(awaitState(spec.id(), RuntimeState.RUNNING).instances()).as("a prepared spec deploys as any other")
                .hasSize(1);
    }

    @Test
    void aDeployedAppRunsWithReadyInstancesAnsweringOnTheirAddress() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.HEALTHY, 2, Map.of());
        runtime.apply(spec);

        AppStatus status = awaitState(spec.id(), RuntimeState.RUNNING);
        assertThat(status.observedGeneration()).isEqualTo(1);
        assertThat(status.desiredInstances()).isEqualTo(2);
        assertThat(status.readyInstances()).isEqualTo(2);
        assertThat(status.isolation()).isNotNull().isIn(runtime.supportedIsolation());
        assertThat(status.instances()).hasSize(2).allSatisfy(instance -> {
            assertThat(instance.ready()).isTrue();
            assertThat(instanceServes(instance.address())).isTrue();
        });
        assertThat(runtime.apps()).contains(spec.id());
        assertThat(countInstanceProcesses(spec.id())).isEqualTo(2);
    }

    @Test
    void applyingTheSameSpecTwiceChangesNothing() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.HEALTHY, 2, Map.of());
        runtime.apply(spec);
        List<String> ids = instanceIds(awaitState(spec.id(), RuntimeState.RUNNING));

        runtime.apply(spec);

        assertStaysRunningWith(spec.id(), ids, 2);
    }

    @Test
    void deletingRemovesEveryInstanceAndMayBeRepeated() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.HEALTHY, 2, Map.of());
        runtime.apply(spec);
        List<String> addresses = awaitState(spec.id(), RuntimeState.RUNNING).instances().stream()
                .map(InstanceStatus::address).toList();

        runtime.delete(spec.id());

        awaitState(spec.id(), RuntimeState.UNKNOWN);
        assertThat(runtime.apps()).doesNotContain(spec.id());
        await().atMost(convergenceTimeout()).pollInterval(POLL)
                .untilAsserted(() -> assertThat(countInstanceProcesses(spec.id())).isZero());
        assertThat(addresses).allSatisfy(address -> assertThat(instanceServes(address)).isFalse());
        assertThatCode(() -> runtime.delete(spec.id())).doesNotThrowAnyException();
    }

    @Test
    void anAppThatExitsAtStartFailsWithTheExitAsReason() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.EXIT_AT_START, 1, Map.of());
        runtime.apply(spec);

        AppStatus status = awaitState(spec.id(), RuntimeState.FAILED);
        assertThat(status.readyInstances()).isZero();
        assertThat(status.message()).containsIgnoringCase("exit").contains(String.valueOf(TestApp.EXIT_CODE));
    }

    @Test
    void theSpecEnvironmentAndThePlatformVariablesReachEveryInstance() {
        // Quotes, spaces and shell syntax must arrive verbatim: no shell is ever involved.
        String value = "a b \"c\" $HOME; `id` 'd'";
        AppSpec spec = spec(newAppId(), 1, Behaviour.HEALTHY, 2, Map.of("GREETING", value));
        runtime.apply(spec);

        AppStatus status = awaitState(spec.id(), RuntimeState.RUNNING);
        List<String> indexes = new ArrayList<>();
        for (InstanceStatus instance : status.instances()) {
            String port = instance.address().substring(instance.address().lastIndexOf(':') + 1);
            assertThat(instanceEnvironment(instance, "GREETING")).isEqualTo(value);
            assertThat(instanceEnvironment(instance, "PORT")).isEqualTo(port);
            assertThat(instanceEnvironment(instance, "SERVER_PORT")).isEqualTo(port);
            assertThat(instanceEnvironment(instance, "GOVPAAS_ROUTE_PATH")).isEqualTo(spec.routePath());
            indexes.add(instanceEnvironment(instance, "GOVPAAS_INSTANCE_INDEX"));
        }
        if (providesInstanceIndex()) {
            assertThat(indexes).containsExactlyInAnyOrder("0", "1");
        }
    }

    @Test
    void oneInstanceOfThreeFailingIsDegraded() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.FAIL_ONE_INSTANCE, 3, Map.of(TestApp.FAILING_INSTANCE, "2"));
        runtime.apply(spec);

        AppStatus status = awaitState(spec.id(), RuntimeState.DEGRADED);
        assertThat(status.desiredInstances()).isEqualTo(3);
        assertThat(status.readyInstances()).isEqualTo(2);
        assertThat(status.message()).isNotBlank();
    }

    @Test
    void scalesUpWithoutRestartingAndDownToOne() {
        AppId id = newAppId();
        runtime.apply(spec(id, 1, Behaviour.HEALTHY, 1, Map.of()));
        String first = instanceIds(awaitState(id, RuntimeState.RUNNING)).getFirst();

        runtime.apply(spec(id, 2, Behaviour.HEALTHY, 3, Map.of()));
        AppStatus up = awaitRunning(id, 2, 3);
        assertThat(instanceIds(up)).contains(first);

        runtime.apply(spec(id, 3, Behaviour.HEALTHY, 1, Map.of()));
        awaitRunning(id, 3, 1);
        await().atMost(convergenceTimeout()).pollInterval(POLL)
                .untilAsserted(() -> assertThat(countInstanceProcesses(id)).isEqualTo(1));
    }

    @Test
    void aNewGenerationRollsOutKeepingAnInstanceReadyAndIsObserved() {
        AppId id = newAppId();
        runtime.apply(spec(id, 1, Behaviour.HEALTHY, 2, Map.of("RELEASE", "one")));
        awaitState(id, RuntimeState.RUNNING);

        runtime.apply(spec(id, 2, Behaviour.HEALTHY, 2, Map.of("RELEASE", "two")));

        await().atMost(convergenceTimeout()).pollInterval(POLL).untilAsserted(() -> {
            AppStatus status = runtime.status(id);
            assertThat(status.readyInstances()).as("ready instances during the roll-out: %s", status).isPositive();
            assertThat(status.state()).as("%s", status).isEqualTo(RuntimeState.RUNNING);
            assertThat(status.observedGeneration()).isEqualTo(2);
            assertThat(status.instances()).hasSize(2).allSatisfy(instance ->
                    assertThat(instanceEnvironment(instance, "RELEASE")).isEqualTo("two"));
        });
        await().atMost(convergenceTimeout()).pollInterval(POLL)
                .untilAsserted(() -> assertThat(countInstanceProcesses(id)).isEqualTo(2));
    }

    /** A restart changes nothing but its generation, and still replaces every instance, one ready throughout. */
    @Test
    void aRestartReplacesEveryInstanceKeepingOneReady() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.HEALTHY, 2, Map.of());
        runtime.apply(spec);
        List<String> before = instanceIds(awaitState(spec.id(), RuntimeState.RUNNING));

        runtime.apply(new AppSpec(spec.id(), 2, spec.artifact(), spec.instances(), spec.memoryMb(), spec.environment(),
                spec.health(), spec.isolation(), spec.routePath(), 2));

        List<AppStatus> seen = new CopyOnWriteArrayList<>();
        await().atMost(convergenceTimeout()).pollInterval(POLL).untilAsserted(() -> {
            AppStatus status = runtime.status(spec.id());
            seen.add(status);
            assertThat(status.state()).as("%s", status).isEqualTo(RuntimeState.RUNNING);
            assertThat(status.observedGeneration()).isEqualTo(2);
            assertThat(instanceIds(status)).as("%s", status).hasSize(2).doesNotContainAnyElementsOf(before);
        });
        assertThat(seen).as("an instance ready throughout the restart")
                .allSatisfy(status -> assertThat(status.readyInstances()).as("%s", status).isPositive());
        await().atMost(convergenceTimeout()).pollInterval(POLL)
                .untilAsserted(() -> assertThat(countInstanceProcesses(spec.id())).isEqualTo(2));
        List<String> after = instanceIds(runtime.status(spec.id()));

        runtime.apply(new AppSpec(spec.id(), 3, spec.artifact(), 3, spec.memoryMb(), spec.environment(),
                spec.health(), spec.isolation(), spec.routePath(), 2));

        assertThat(instanceIds(awaitRunning(spec.id(), 3, 3))).as("a later change without a restart keeps them")
                .containsAll(after);
    }

    @Test
    void zeroInstancesIsStoppedAndMoreStartsAgain() {
        AppId id = newAppId();
        runtime.apply(spec(id, 1, Behaviour.HEALTHY, 1, Map.of()));
        awaitState(id, RuntimeState.RUNNING);

        runtime.apply(spec(id, 2, Behaviour.HEALTHY, 0, Map.of()));
        AppStatus stopped = awaitState(id, RuntimeState.STOPPED);
        assertThat(stopped.readyInstances()).isZero();
        assertThat(stopped.observedGeneration()).isEqualTo(2);
        assertThat(countInstanceProcesses(id)).isZero();
        assertThat(runtime.apps()).contains(id);

        runtime.apply(spec(id, 3, Behaviour.HEALTHY, 1, Map.of()));
        awaitRunning(id, 3, 1);
    }

    @Test
    void aControlPlaneRestartInTheMiddleOfADeployConvergesWithoutDuplicates() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.SLOW_START, 2, Map.of(TestApp.START_DELAY_MS, "1500"));
        runtime.apply(spec);

        runtime = restartedRuntime();
        assertThat(runtime.apps()).contains(spec.id());
        runtime.apply(spec); // the control plane re-applies every desired spec when it starts

        List<String> ids = instanceIds(awaitState(spec.id(), RuntimeState.RUNNING));
        assertStaysRunningWith(spec.id(), ids, 2);
    }

    @Test
    void aControlPlaneRestartAdoptsRunningInstancesWithoutRestartingThem() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.HEALTHY, 2, Map.of());
        runtime.apply(spec);
        List<String> ids = instanceIds(awaitState(spec.id(), RuntimeState.RUNNING));

        runtime = restartedRuntime();
        assertThat(runtime.apps()).contains(spec.id());
        runtime.apply(spec);

        assertThat(instanceIds(awaitState(spec.id(), RuntimeState.RUNNING))).isEqualTo(ids);
        assertStaysRunningWith(spec.id(), ids, 2);
    }

    @Test
    void aKilledInstanceIsRestarted() {
        AppSpec spec = spec(newAppId(), 1, Behaviour.HEALTHY, 1, Map.of());
        runtime.apply(spec);
        String instance = instanceIds(awaitState(spec.id(), RuntimeState.RUNNING)).getFirst();

        killInstanceProcess(spec.id(), instance);

        await().atMost(convergenceTimeout()).pollInterval(POLL).untilAsserted(() -> {
            AppStatus status = runtime.status(spec.id());
            assertThat(status.state()).as("%s", status).isEqualTo(RuntimeState.RUNNING);
            assertThat(status.instances()).singleElement().satisfies(i -> assertThat(i.restarts()).isPositive());
        });
        assertThat(countInstanceProcesses(spec.id())).isEqualTo(1);
    }

    @Test
    void aStatusWatcherIsToldOfAnAppTurningReadyOrFailingUntilItStops() throws Exception {
        AppRuntime watched = runtime;
        List<AppStatus> heard = new CopyOnWriteArrayList<>();
        AutoCloseable watch = watched.watchStatus(id -> heard.add(watched.status(id)));
        awaitWatching(watch);
        AppSpec healthy = spec(newAppId(), 1, Behaviour.HEALTHY, 1, Map.of());
        AppSpec failing = spec(newAppId(), 1, Behaviour.EXIT_AT_START, 1, Map.of());

        watched.apply(healthy);
        watched.apply(failing);

        // Told, not found by looking: the watcher's own look at the app it was told of shows the change.
        await().atMost(convergenceTimeout()).pollInterval(POLL).until(() -> heard.stream().anyMatch(status ->
                status.id().equals(healthy.id()) && status.state() == RuntimeState.RUNNING));
        await().atMost(convergenceTimeout()).pollInterval(POLL).until(() -> heard.stream().anyMatch(status ->
                status.id().equals(failing.id()) && status.state() == RuntimeState.FAILED));

        watch.close();
        AppSpec later = spec(newAppId(), 1, Behaviour.HEALTHY, 1, Map.of());
        watched.apply(later);
        awaitState(later.id(), RuntimeState.RUNNING);
        assertThat(heard).as("told after the watch was closed").noneMatch(status -> status.id().equals(later.id()));
    }

    @Test
    void outputIsCapturedForTailAndFollow() throws Exception {
        AppSpec spec = spec(newAppId(), 1, Behaviour.HEALTHY, 1, Map.of());
        runtime.apply(spec);
        InstanceStatus instance = awaitState(spec.id(), RuntimeState.RUNNING).instances().getFirst();
        await().atMost(convergenceTimeout()).pollInterval(POLL).untilAsserted(() ->
                assertThat(runtime.logs(spec.id(), 50)).anySatisfy(line -> {
                    assertThat(line.text()).contains("listening");
                    assertThat(line.instance()).isEqualTo(instance.id());
                }));
        assertThat(runtime.logs(spec.id(), 1)).hasSize(1);

        List<LogLine> followed = new CopyOnWriteArrayList<>();
        try (AutoCloseable follow = runtime.followLogs(spec.id(), followed::add)) {
            String marker = "marker-" + ThreadLocalRandom.current().nextInt(1_000_000);
            await().atMost(convergenceTimeout()).pollInterval(POLL).untilAsserted(() -> {
                makeInstancePrint(instance, marker);
                assertThat(followed).anySatisfy(line -> assertThat(line.text()).isEqualTo(marker));
            });
        }
    }

    @Test
    void aTierTheRuntimeCannotProvideIsRefusedBeforeAnythingStarts() {
        List<IsolationTier> unsupported = new ArrayList<>(List.of(IsolationTier.values()));
        unsupported.removeAll(runtime.supportedIsolation());
        assumeThat(unsupported).as("this runtime supports every tier").isNotEmpty();
        AppSpec supported = spec(newAppId(), 1, Behaviour.HEALTHY, 1, Map.of());
        AppSpec refused = new AppSpec(supported.id(), 1, supported.artifact(), 1, supported.memoryMb(),
                supported.environment(), supported.health(), unsupported.getFirst(), supported.routePath(), 0);

        assertThatThrownBy(() -> runtime.apply(refused)).isInstanceOf(IllegalArgumentException.class);
        assertThat(runtime.status(refused.id()).state()).isEqualTo(RuntimeState.UNKNOWN);
        assertThat(runtime.apps()).doesNotContain(refused.id());
        assertThat(countInstanceProcesses(refused.id())).isZero();
    }

    /** A spec for the test app; the id is remembered so the app is deleted after the test. */
    protected AppSpec spec(AppId id, long generation, Behaviour behaviour, int instances, Map<String, String> env) {
        if (!deployed.contains(id)) {
            deployed.add(id);
        }
        Map<String, String> environment = new HashMap<>(env);
        environment.put(TestApp.BEHAVIOUR, behaviour.name());
        environment.put(TestApp.READINESS_PATH, READINESS_PATH);
        return new AppSpec(id, generation, artifact(behaviour), instances, 128, environment,
                new AppSpec.HealthCheck(READINESS_PATH, 30), isolation(),
                "/apps/" + id.department() + "/" + id.name() + "/", 0);
    }

    /** A fresh id per call, so that a test never meets the leftovers of another. */
    protected static AppId newAppId() {
        return new AppId("contract", "app-" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36));
    }

    /** Waits for the state; a timeout names the last status seen, with its message. */
    protected AppStatus awaitState(AppId id, RuntimeState state) {
        AtomicReference<AppStatus> last = new AtomicReference<>();
        await().atMost(convergenceTimeout()).pollInterval(POLL).untilAsserted(() -> {
            last.set(runtime.status(id));
            assertThat(last.get().state()).as("%s", last.get()).isEqualTo(state);
        });
        return last.get();
    }

    private AppStatus awaitRunning(AppId id, long generation, int instances) {
        AtomicReference<AppStatus> last = new AtomicReference<>();
        await().atMost(convergenceTimeout()).pollInterval(POLL).untilAsserted(() -> {
            AppStatus status = runtime.status(id);
            last.set(status);
            assertThat(status.state()).as("%s", status).isEqualTo(RuntimeState.RUNNING);
            assertThat(status.observedGeneration()).as("%s", status).isEqualTo(generation);
            assertThat(status.readyInstances()).as("%s", status).isEqualTo(instances);
            assertThat(status.instances()).as("%s", status).hasSize(instances);
        });
        return last.get();
    }

    /** Watches for a while that nothing restarts and no process is added or lost. */
    private void assertStaysRunningWith(AppId id, List<String> instanceIds, long processes) {
        await().during(QUIET_PERIOD).atMost(QUIET_PERIOD.plusSeconds(5)).pollInterval(POLL).untilAsserted(() -> {
            AppStatus status = runtime.status(id);
            assertThat(status.state()).as("%s", status).isEqualTo(RuntimeState.RUNNING);
            assertThat(instanceIds(status)).isEqualTo(instanceIds);
            assertThat(status.instances()).allSatisfy(instance -> assertThat(instance.restarts()).isZero());
            assertThat(countInstanceProcesses(id)).isEqualTo(processes);
        });
    }

    private static List<String> instanceIds(AppStatus status) {
        return status.instances().stream().map(InstanceStatus::id).sorted().toList();
    }
}
