package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodStatus;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.govpaas.runtime.contract.TestApp;

/**
 * The part of a cluster the fabric8 mock API server lacks, for the contract suite: the
 * Deployment controller (pods per Deployment, rolling updates with one surge pod and none
 * unavailable, status counts), the garbage collector (pods of a deleted Deployment go) and a
 * kubelet that "runs" each pod's container.
 *
 * <p>It talks to the API server only, as the real components do, so everything the runtime
 * observes arrives through the real code path. What it cannot do is run an image: a container
 * behaves as {@link TestApp} would with the environment the pod really received (its {@code env},
 * then its Secret through {@code envFrom}): ready after a moment, ready after
 * {@code TESTAPP_START_DELAY_MS}, or exiting with {@link TestApp#EXIT_CODE} and restarted with
 * back-off (CrashLoopBackOff). A Deployment's pods have no index; to fail one instance of three the
 * simulator numbers a Deployment's live pods like ordinals (lowest free number first).
 */
final class KubeletSimulator implements AutoCloseable {

    static final String SIMULATED = "test.govpaas.org/simulated";
    private static final String TEMPLATE_HASH = "pod-template-hash";

    private final KubernetesClient client;
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("kubelet-simulator").daemon(true).factory());
    /** The containers this node runs, by pod name (pod names are unique across namespaces here). */
    private final Map<String, SimulatedContainer> containers = new ConcurrentHashMap<>();
    private final AtomicInteger nextIp = new AtomicInteger(2);
    private volatile String lastError;

    KubeletSimulator(KubernetesClient client) {
        this.client = client;
        loop.scheduleWithFixedDelay(this::tick, 0, 50, TimeUnit.MILLISECONDS);
    }

    /** The environment the container of {@code pod} was started with; empty for an unknown pod. */
    Map<String, String> environment(String pod) {
        SimulatedContainer container = containers.get(pod);
        return container == null ? Map.of() : container.environment;
    }

    /** Whether a running, ready container has {@code address} ({@code podIP:port}). */
    boolean serves(String address) {
        return containers.values().stream()
                .anyMatch(c -> c.ready(now()) && address.equals(c.ip + ":" + KubernetesNames.APP_PORT));
    }

    /** Makes the pod's container print a line, as the test app's {@code /log/{text}} does; false when it is not serving. */
    boolean print(String pod, String text) {
        SimulatedContainer container = containers.get(pod);
        return container != null && container.print(text, now());
    }

    /** The kubelet's side of {@code GET .../pods/{pod}/log}: the container's output, null for an unknown pod. */
    List<PodLogEndpoint.WrittenLine> output(String pod) {
        SimulatedContainer container = containers.get(pod);
        return container == null ? null : container.output();
    }

    /** Kills the pod's container as the OOM killer would; the kubelet restarts it in the same pod. */
    void kill(String pod) {
        SimulatedContainer container = containers.get(pod);
        if (container != null) {
            container.killed(now());
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }

    private void tick() {
        try {
            Set<String> deployments = new HashSet<>();
            for (Deployment deployment : client.apps().deployments().inAnyNamespace().list().getItems()) {
                deployments.add(deployment.getMetadata().getNamespace() + "/" + deployment.getMetadata().getName());
                control(deployment);
            }
            for (Pod pod : simulatedPods()) {
                String owner = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getAnnotations().get(SIMULATED);
                if (!deployments.contains(owner)) {
                    deletePod(pod);
                } else {
                    reportStatus(pod);
                }
            }
            lastError = null;
        } catch (KubernetesClientException | IllegalStateException e) {
            // The next tick tries again, like the real controllers; said once, for a failing test.
            if (!e.toString().equals(lastError)) {
                System.err.println("kubelet simulator: " + e);
            }
            lastError = e.toString();
        }
    }

    /** The Deployment controller: scale, roll to the current template, write the status counts. */
    private void control(Deployment deployment) {
        int replicas = Optional.ofNullable(deployment.getSpec().getReplicas()).orElse(1);
        String hash = templateHash(deployment);
        long now = now();
        List<Pod> pods = client.pods().inNamespace(deployment.getMetadata().getNamespace())
                .withLabels(deployment.getSpec().getSelector().getMatchLabels()).list().getItems();
        List<Pod> current = new ArrayList<>(pods.stream().filter(p -> hash.equals(label(p, TEMPLATE_HASH))).toList());
        List<Pod> old = new ArrayList<>(pods.stream().filter(p -> !hash.equals(label(p, TEMPLATE_HASH))).toList());

        // Too many of the current template: the unready and the youngest go first.
        current.sort(Comparator.comparing((Pod p) -> ready(p, now)).reversed()
                .thenComparing(p -> p.getMetadata().getCreationTimestamp()));
        while (current.size() > replicas) {
            deletePod(current.removeLast());
        }
        // Old pods that are not ready serve nobody; ready ones go only when enough new ones are ready.
        for (Pod pod : List.copyOf(old)) {
            if (!ready(pod, now)) {
                deletePod(pod);
                old.remove(pod);
            }
        }
        long readyCurrent = current.stream().filter(p -> ready(p, now)).count();
        while (!old.isEmpty() && readyCurrent + old.size() > replicas) {
            deletePod(old.removeFirst());
        }
        int surge = replicas + 1 - current.size() - old.size();
        for (int i = 0; i < Math.min(replicas - current.size(), surge); i++) {
            current.add(createPod(deployment, hash, current));
        }

        int ready = (int) (current.stream().filter(p -> ready(p, now)).count() + old.size());
        Deployment withStatus = new DeploymentBuilder(deployment)
                .withStatus(new DeploymentStatusBuilder()
                        .withObservedGeneration(deployment.getMetadata().getGeneration())
                        .withReplicas(current.size() + old.size())
                        .withUpdatedReplicas(current.size())
                        .withReadyReplicas(ready)
                        .withAvailableReplicas(ready)
                        .build())
                .build();
        if (!Objects.equals(withStatus.getStatus(), deployment.getStatus())) {
            client.apps().deployments().resource(withStatus).updateStatus();
        }
    }

    private Pod createPod(Deployment deployment, String hash, List<Pod> siblings) {
        String namespace = deployment.getMetadata().getNamespace();
        String name = deployment.getMetadata().getName() + "-" + hash + "-"
                + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36), 36);
        Map<String, String> labels = new HashMap<>(deployment.getSpec().getTemplate().getMetadata().getLabels());
        labels.put(TEMPLATE_HASH, hash);
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels)
                .withAnnotations(Map.of(SIMULATED, deployment.getMetadata().getName()))
                .endMetadata()
                .withSpec(deployment.getSpec().getTemplate().getSpec())
                .build();
        Pod created = client.pods().inNamespace(namespace).resource(pod).create();
        Set<Integer> taken = siblings.stream().map(p -> containers.get(p.getMetadata().getName()))
                .filter(Objects::nonNull).map(c -> c.ordinal).collect(Collectors.toSet());
        int ordinal = 0;
        while (taken.contains(ordinal)) {
            ordinal++;
        }
        Container container = created.getSpec().getContainers().getFirst();
        String ip = "10.244." + (nextIp.get() / 250) + "." + (nextIp.getAndIncrement() % 250 + 2);
        containers.put(name, new SimulatedContainer(ip, ordinal, environment(namespace, container), now()));
        return created;
    }

    /** What the kubelet hands the container: envFrom first, then env, which wins on a clash. */
    private Map<String, String> environment(String namespace, Container container) {
        Map<String, String> environment = new HashMap<>();
        for (EnvFromSource source : Optional.ofNullable(container.getEnvFrom()).orElse(List.of())) {
            if (source.getSecretRef() == null) {
                continue;
            }
            Secret secret = client.secrets().inNamespace(namespace).withName(source.getSecretRef().getName()).get();
            if (secret == null) {
                throw new IllegalStateException("CreateContainerConfigError: secret " + source.getSecretRef().getName()
                        + " not found");
            }
            Optional.ofNullable(secret.getData()).orElse(Map.of()).forEach((key, value) ->
                    environment.put(key, new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8)));
            Optional.ofNullable(secret.getStringData()).orElse(Map.of()).forEach(environment::put);
        }
        for (EnvVar variable : Optional.ofNullable(container.getEnv()).orElse(List.of())) {
            if (variable.getValue() != null) {
                environment.put(variable.getName(), variable.getValue());
            }
        }
        return Map.copyOf(environment);
    }

    private void reportStatus(Pod pod) {
        SimulatedContainer container = containers.get(pod.getMetadata().getName());
        if (container == null) {
            // A pod this node did not start (left from before the simulator): not ours to run.
            return;
        }
        PodStatus status = container.status(now());
        if (!status.equals(pod.getStatus())) {
            client.pods().resource(new PodBuilder(pod).withStatus(status).build()).updateStatus();
        }
    }

    private void deletePod(Pod pod) {
        client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName()).delete();
        containers.remove(pod.getMetadata().getName());
    }

    private List<Pod> simulatedPods() {
        return client.pods().inAnyNamespace().list().getItems().stream()
                .filter(p -> p.getMetadata().getAnnotations() != null
                        && p.getMetadata().getAnnotations().containsKey(SIMULATED))
                .toList();
    }

    private boolean ready(Pod pod, long now) {
        SimulatedContainer container = containers.get(pod.getMetadata().getName());
        return container != null && container.ready(now);
    }

    private static String label(Pod pod, String key) {
        return pod.getMetadata().getLabels() == null ? null : pod.getMetadata().getLabels().get(key);
    }

    /** Like the real controller: a hash of the pod template names the pods made from it. */
    private String templateHash(Deployment deployment) {
        String json = client.getKubernetesSerialization().asJson(deployment.getSpec().getTemplate());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long now() {
        return System.nanoTime() / 1_000_000;
    }
}
