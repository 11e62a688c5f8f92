package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.node.v1.RuntimeClass;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.AppSpec;
import org.govpaas.runtime.AppStatus;
import org.govpaas.runtime.AppUsage;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.LogLine;
import org.govpaas.runtime.PodOverhead;
import org.govpaas.runtime.RuntimeState;

/**
 * Runs apps on Kubernetes, one namespace per department. Holds no state of its own: every
 * answer is read from the cluster, and objects are found again by their labels, so a restarted
 * control plane (or another replica) picks up exactly where this one stopped.
 *
 * <p>{@link #apply} is level-based: it renders every object the app and its department should
 * have, and only then writes, each object through {@link ObjectApplier} (create when missing,
 * update when its desired form changed, otherwise nothing).
 *
 * <p>A cluster that is away (no answer, 429, 5xx) makes calls fail with
 * {@link ClusterUnavailableException}, naming the reason, and then fail at once, without
 * contacting the cluster, until a back-off delay has passed ({@link ClusterBackoff}). Meanwhile
 * {@link #status} answers the last state it saw of an app, with the outage as its message.
 */
public final class KubernetesRuntime implements AppRuntime {

    /** The kinds an app owns, in the order delete removes them: traffic first, data last. */
    private static final List<Class<? extends HasMetadata>> APP_KINDS = List.of(Ingress.class, Service.class,
            PodDisruptionBudget.class, Deployment.class, Secret.class, ServiceAccount.class);

    /** A department's objects edited by hand in the cluster are repaired within this time. */
    static final Duration DEPARTMENT_RECHECK = Duration.ofMinutes(1);

    private final KubernetesClient client;
    private final KubernetesSettings settings;
    private final Function<String, DepartmentLimits> departmentLimits;
    private final ObjectApplier applier;
    private final PodUsage usage;
    private final ClusterBackoff backoff;
    private final Clock clock;
    private volatile KnownOverhead hypervisorOverhead;
    private final DepartmentObjects departments;
    /** Only for telling what an app was doing when the cluster went away; never used to decide. */
    private final Map<AppId, AppStatus> lastSeen = new ConcurrentHashMap<>();

    /**
     * @param departmentLimits the quota of a department by its code; the control plane owns them
     */
    public KubernetesRuntime(KubernetesClient client, KubernetesSettings settings,
                             Function<String, DepartmentLimits> departmentLimits) {
        this(client, settings, departmentLimits, Clock.systemUTC(), DEPARTMENT_RECHECK);
    }

    /** @param departmentRecheck how long a department's objects are trusted once confirmed (ZERO: never) */
    KubernetesRuntime(KubernetesClient client, KubernetesSettings settings,
                      Function<String, DepartmentLimits> departmentLimits, Clock clock, Duration departmentRecheck) {
        this.client = Objects.requireNonNull(client);
        this.settings = Objects.requireNonNull(settings);
        this.departmentLimits = Objects.requireNonNull(departmentLimits);
        this.applier = new ObjectApplier(client);
        this.usage = new PodUsage(client, clock);
        this.backoff = new ClusterBackoff(clock, Duration.ofSeconds(1), Duration.ofMinutes(1));
        this.clock = clock;
        this.departments = new DepartmentObjects(applier, clock, departmentRecheck);
    }

    @Override
    public String name() {
        return "kubernetes";
    }

    @Override
    public Set<IsolationTier> supportedIsolation() {
        return EnumSet.of(IsolationTier.STANDARD, IsolationTier.HYPERVISOR, IsolationTier.DEDICATED);
    }

    @Override
    public void apply(AppSpec spec) {
        SpecValidation.check(spec);
        backoff.run(() -> write(spec));
    }

    private void write(AppSpec spec) {
        String department = spec.id().department();
        DepartmentLimits limits = departmentLimits.apply(department);
        if (limits == null) {
            throw new IllegalStateException("department " + department + " has no quota set");
        }
        // Everything is rendered before the first write: whatever a renderer refuses, nothing has
        // been sent. Only the Deployment waits for the Secret's resourceVersion.
        List<HasMetadata> departmentObjects = DepartmentObjects.desired(department, limits, settings);
        HasMetadata account = AppServiceAccount.desired(spec.id());
        Secret secret = AppSecret.desired(spec);
        HasMetadata route = settings.routesThroughGateway() ? AppHttpRoute.desired(spec, settings)
                : AppIngress.desired(spec, settings);
        List<HasMetadata> routing = List.of(AppService.desired(spec.id()), route);
        Optional<PodDisruptionBudget> budget = AppDisruptionBudget.desired(spec);

        departments.apply(department, departmentObjects);
        try {
            writeApp(spec, limits, account, secret, routing, budget);
        } catch (RuntimeException e) {
            // Perhaps the namespace went: check the department's objects on the next apply.
            departments.forget(department);
            throw e;
        }
    }

    private void writeApp(AppSpec spec, DepartmentLimits limits, HasMetadata account, Secret secret,
                          List<HasMetadata> routing, Optional<PodDisruptionBudget> budget) {
        applier.apply(account);
        String environmentVersion = applier.apply(secret).getMetadata().getResourceVersion();
        applier.apply(AppDeployment.desired(spec, limits, settings, environmentVersion));
        routing.forEach(applier::apply);
        if (settings.routesThroughGateway()) {
            // Switched from Ingress to the Gateway API: the old route goes once the new one exists.
            applier.deleteIfPresent(new IngressBuilder()
                    .withMetadata(KubernetesNames.appMetadata(spec.id(), spec.id().name())).build());
        }
        if (budget.isPresent()) {
            applier.apply(budget.get());
        } else {
            // Level-based: a budget left from when the app had 2+ instances goes.
            applier.deleteIfPresent(new PodDisruptionBudgetBuilder()
                    .withMetadata(KubernetesNames.appMetadata(spec.id(), spec.id().name())).build());
        }
    }

    /**
     * Finds by label, not by name, so that nothing the app ever owned is left behind; deletes one
     * object at a time, so the platform needs {@code delete}, not {@code deletecollection}
     * (see the chart's ClusterRole).
     */
    @Override
    public void delete(AppId id) {
        backoff.run(() -> remove(id));
        lastSeen.remove(id);
    }

    private void remove(AppId id) {
        String namespace = KubernetesNames.namespace(id);
        Map<String, String> labels = KubernetesNames.appLabels(id);
        List<Class<? extends HasMetadata>> kinds = new ArrayList<>(APP_KINDS);
        if (settings.routesThroughGateway()) {
            // Only then: a cluster without the Gateway API's CRDs answers 404 to any HTTPRoute request.
            kinds.addFirst(HTTPRoute.class);
        }
        for (Class<? extends HasMetadata> kind : kinds) {
            for (HasMetadata owned : client.resources(kind).inNamespace(namespace).withLabels(labels).list().getItems()) {
                client.resources(kind).inNamespace(namespace).withName(owned.getMetadata().getName()).delete();
            }
        }
    }

    @Override
    public AppStatus status(AppId id) {
        try {
            AppStatus status = backoff.call(() -> read(id));
            if (status.state() == RuntimeState.UNKNOWN) {
                lastSeen.remove(id);
            } else {
                lastSeen.put(id, status);
            }
            return status;
        } catch (ClusterUnavailableException e) {
            AppStatus last = lastSeen.get(id);
            if (last == null) {
                throw e;
            }
            return new AppStatus(id, last.state(), last.observedGeneration(), last.desiredInstances(),
                    last.readyInstances(), last.instances(), last.isolation(),
                    e.getMessage() + "; last seen: " + last.message());
        }
    }

    private AppStatus read(AppId id) {
        Deployment deployment = client.apps().deployments().inNamespace(KubernetesNames.namespace(id))
                .withName(id.name()).get();
        if (deployment == null || !isManaged(deployment)) {
            return AppStatus.unknown(id);
        }
        return AppStatusMapping.map(id, deployment, pods(id),
                () -> client.v1().events().inNamespace(KubernetesNames.namespace(id)).list().getItems());
    }

    @Override
    public List<AppId> apps() {
        return backoff.call(this::listApps);
    }

    private List<AppId> listApps() {
        List<AppId> apps = new ArrayList<>();
        for (Deployment deployment : client.apps().deployments().inAnyNamespace()
                .withLabel(KubernetesNames.MANAGED_BY, KubernetesNames.MANAGED_BY_VALUE).list().getItems()) {
            // Labelled as ours but not by us (hand-made, no valid app labels): not an app of the platform.
            KubernetesNames.appOf(deployment).ifPresent(apps::add);
        }
        return apps;
    }

    @Override
    public List<LogLine> logs(AppId id, int tail) {
        if (tail <= 0) {
            return List.of();
        }
        return backoff.call(() -> tail(id, tail));
    }

    /** New lines of every pod of the app, asked for once a second; see {@link PodLogFollower}. */
    @Override
    public AutoCloseable followLogs(AppId id, Consumer<LogLine> sink) {
        return PodLogFollower.start(client, id.toString(), () -> pods(id), sink, Duration.ofSeconds(1));
    }

    /**
     * Told by informers on the runtime's Deployments and pods; see {@link AppStatusWatch}. The
     * watch hearing from the API server ends a back-off ({@link ClusterBackoff#answered}), so that
     * the watcher's own look at the app reaches the cluster instead of the outage's last answer.
     */
    @Override
    public AutoCloseable watchStatus(Consumer<AppId> changed) {
        return AppStatusWatch.start(client, changed, backoff::answered);
    }

    private List<LogLine> tail(AppId id, int tail) {
        List<LogLine> lines = new ArrayList<>();
        for (Pod pod : pods(id)) {
            String log = client.pods().inNamespace(pod.getMetadata().getNamespace())
                    .withName(pod.getMetadata().getName()).inContainer(AppDeployment.CONTAINER)
                    .usingTimestamps().tailingLines(tail).getLog();
            lines.addAll(PodLogs.parse(pod.getMetadata().getName(), log));
        }
        lines.sort(Comparator.comparing(LogLine::time));
        return List.copyOf(lines.subList(Math.max(0, lines.size() - tail), lines.size()));
    }

    /** From the metrics API when the cluster serves it, else from the pods' requests; see {@link PodUsage}. */
    @Override
    public Optional<AppUsage> usage(AppId id) {
        return backoff.call(() -> usage.of(id, pods(id)));
    }

    /**
     * The hypervisor tier's RuntimeClass declares its pod overhead ({@code overhead.podFixed}); the
     * cluster adds it to every pod's quota usage, so the platform counts and bills it too. Read at
     * most once a minute; while the cluster is away the last value read stands.
     */
    @Override
    public PodOverhead overhead(IsolationTier tier) {
        if (tier != IsolationTier.HYPERVISOR) {
            return PodOverhead.NONE;
        }
        KnownOverhead known = hypervisorOverhead;
        if (known != null && known.readAt().plus(Duration.ofMinutes(1)).isAfter(clock.instant())) {
            return known.overhead();
        }
        try {
            RuntimeClass runtimeClass = backoff.call(() -> client.resources(RuntimeClass.class)
                    .withName(settings.hypervisorRuntimeClass()).get());
            PodOverhead read = RuntimeClassOverhead.of(runtimeClass);
            hypervisorOverhead = new KnownOverhead(read, clock.instant());
            return read;
        } catch (ClusterUnavailableException e) {
            return known == null ? PodOverhead.NONE : known.overhead();
        }
    }

    private record KnownOverhead(PodOverhead overhead, java.time.Instant readAt) {
    }

    private List<Pod> pods(AppId id) {
        return client.pods().inNamespace(KubernetesNames.namespace(id))
                .withLabels(KubernetesNames.selector(id)).list().getItems();
    }

    private static boolean isManaged(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels != null && KubernetesNames.MANAGED_BY_VALUE.equals(labels.get(KubernetesNames.MANAGED_BY));
    }

}
