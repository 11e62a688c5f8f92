package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.govpaas.runtime.AppId;
import org.govpaas.runtime.AppUsage;

/**
 * What an app's pods consume, for metering: measured by the metrics API ({@code metrics.k8s.io},
 * served by metrics-server) when the cluster has it, else what the pods reserved (their requests).
 *
 * <p>The metrics API gives a rate (cores averaged over a short window), while metering wants a
 * cumulative CPU-seconds counter; this class integrates the rate from one metrics timestamp to the
 * next, per pod. The sum lives in this object: a restarted control plane starts again from zero,
 * which metering reads like restarted instances (it skips that one difference). The requests
 * fallback needs no memory: requested cores times how long each running pod has run.
 */
final class PodUsage {

    static final String METRICS_API = "metrics-api";
    static final String REQUESTS = "requests";
    /** How the metrics API says it is not there, not allowed to us, or not ready yet. */
    private static final Set<Integer> NOT_SERVED = Set.of(403, 404, 503);

    private final KubernetesClient client;
    private final Clock clock;
    private final Map<AppId, CpuCounter> counters = new ConcurrentHashMap<>();

    PodUsage(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    Optional<AppUsage> of(AppId id, List<Pod> pods) {
        List<Pod> running = pods.stream()
                .filter(pod -> pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()))
                .filter(pod -> pod.getMetadata().getDeletionTimestamp() == null)
                .toList();
        if (running.isEmpty()) {
            return Optional.empty();
        }
        List<PodMetrics> measured = measured(id);
        if (measured.isEmpty()) {
            return Optional.of(fromRequests(running));
        }
        CpuCounter counter = counters.computeIfAbsent(id, ignored -> new CpuCounter());
        long memoryBytes = 0;
        for (PodMetrics pod : measured) {
            BigDecimal cores = BigDecimal.ZERO;
            for (ContainerMetrics container : Optional.ofNullable(pod.getContainers()).orElse(List.of())) {
                Map<String, Quantity> usage = Optional.ofNullable(container.getUsage()).orElse(Map.of());
                cores = cores.add(amount(usage.get("cpu")));
                memoryBytes += amount(usage.get("memory")).longValue();
            }
            counter.add(pod.getMetadata().getName(), timestamp(pod), window(pod), cores.doubleValue());
        }
        return Optional.of(new AppUsage(counter.total(), memoryBytes, METRICS_API));
    }

    /** Empty when the cluster does not serve the metrics API (no metrics-server) or has no figures yet. */
    private List<PodMetrics> measured(AppId id) {
        try {
            return client.top().pods().inNamespace(KubernetesNames.namespace(id))
                    .withLabels(KubernetesNames.selector(id)).metrics().getItems();
        } catch (KubernetesClientException e) {
            if (NOT_SERVED.contains(e.getCode())) {
                return List.of();
            }
            throw e;
        }
    }

    private AppUsage fromRequests(List<Pod> running) {
        Instant now = clock.instant();
        double cpuSeconds = 0;
        long memoryBytes = 0;
        for (Pod pod : running) {
            Instant started = startTime(pod).orElse(now);
            double seconds = Math.max(0, Duration.between(started, now).toMillis() / 1000.0);
            for (Container container : pod.getSpec().getContainers()) {
                Map<String, Quantity> requests = container.getResources() == null
                        || container.getResources().getRequests() == null ? Map.of()
                        : container.getResources().getRequests();
                cpuSeconds += amount(requests.get("cpu")).doubleValue() * seconds;
                memoryBytes += amount(requests.get("memory")).longValue();
            }
        }
        return new AppUsage(cpuSeconds, memoryBytes, REQUESTS);
    }

    private static BigDecimal amount(Quantity quantity) {
        return quantity == null ? BigDecimal.ZERO : quantity.getNumericalAmount();
    }

    private static Optional<Instant> startTime(Pod pod) {
        return Optional.ofNullable(pod.getStatus().getStartTime()).flatMap(PodUsage::instant);
    }

    private Instant timestamp(PodMetrics pod) {
        return Optional.ofNullable(pod.getTimestamp()).flatMap(PodUsage::instant).orElse(clock.instant());
    }

    private static Duration window(PodMetrics pod) {
        return pod.getWindow() == null || pod.getWindow().getDuration() == null ? Duration.ZERO
                : pod.getWindow().getDuration();
    }

    private static Optional<Instant> instant(String text) {
        try {
            return Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** CPU-seconds of one app, integrated from the rates the metrics API reported. */
    private static final class CpuCounter {

        private final Map<String, Instant> lastSeen = new ConcurrentHashMap<>();
        private double total;

        synchronized void add(String pod, Instant timestamp, Duration window, double cores) {
            Instant previous = lastSeen.put(pod, timestamp);
            if (previous == null) {
                // First figure of this pod: the rate stands for the window it was measured over.
                total += cores * window.toMillis() / 1000.0;
            } else if (timestamp.isAfter(previous)) {
                total += cores * Duration.between(previous, timestamp).toMillis() / 1000.0;
            } else {
                lastSeen.put(pod, previous);
            }
        }

        synchronized double total() {
            return total;
        }
    }
}
