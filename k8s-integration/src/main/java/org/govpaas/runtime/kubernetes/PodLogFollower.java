package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.govpaas.runtime.LogLine;

/**
 * Follows an app's output: once a period, asks each of its pods for the lines since the newest one
 * already seen ({@code sinceTime}, with timestamps) and hands on the new ones, in order, each once.
 *
 * <p>Why polling rather than one streaming {@code follow=true} connection per pod: pods come and
 * go during a roll-out or a crash loop, and a stream ends with its pod; asking again picks up new
 * pods and survives a dropped connection by itself, at the price of a request per pod and period
 * while someone watches. Why the newest line's own timestamp rather than the platform's clock:
 * node clocks drift, and a skewed clock would lose or repeat lines. {@code sinceTime} has
 * whole-second precision, so lines of that second come again and are recognised by their text.
 */
final class PodLogFollower implements AutoCloseable {

    private final KubernetesClient client;
    private final Supplier<List<Pod>> pods;
    private final Consumer<LogLine> sink;
    private final Duration period;
    /** Per pod: the newest line's time, and the texts already handed on at that time. */
    private final Map<String, Instant> newest = new HashMap<>();
    private final Map<String, Set<String>> seenAtNewest = new HashMap<>();
    private final Thread thread;

    private PodLogFollower(KubernetesClient client, String app, Supplier<List<Pod>> pods, Consumer<LogLine> sink,
                           Duration period) {
        this.client = client;
        this.pods = pods;
        this.sink = sink;
        this.period = period;
        // Lines written before following starts are the tail's business, not the follower's.
        for (Pod pod : quietly(pods)) {
            tail(pod, 1).forEach(this::remember);
        }
        this.thread = Thread.ofPlatform().daemon(true).name("log-follow-" + app).start(this::loop);
    }

    static PodLogFollower start(KubernetesClient client, String app, Supplier<List<Pod>> pods,
                                Consumer<LogLine> sink, Duration period) {
        return new PodLogFollower(client, app, pods, sink, period);
    }

    private void loop() {
        while (!Thread.currentThread().isInterrupted()) {
            try {
                Thread.sleep(period);
                poll();
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void poll() {
        List<Pod> current = quietly(pods);
        Set<String> names = new HashSet<>();
        for (Pod pod : current) {
            String name = pod.getMetadata().getName();
            names.add(name);
            Instant since = newest.get(name);
            for (LogLine line : since == null ? tail(pod, -1) : since(pod, since)) {
                if (isNew(line)) {
                    remember(line);
                    sink.accept(line);
                }
            }
        }
        newest.keySet().retainAll(names);
        seenAtNewest.keySet().retainAll(names);
    }

    private boolean isNew(LogLine line) {
        Instant last = newest.get(line.instance());
        if (last == null || line.time().isAfter(last)) {
            return true;
        }
        return line.time().equals(last) && !seenAtNewest.get(line.instance()).contains(line.text());
    }

    private void remember(LogLine line) {
        Instant last = newest.get(line.instance());
        if (last == null || line.time().isAfter(last)) {
            newest.put(line.instance(), line.time());
            seenAtNewest.put(line.instance(), new HashSet<>());
        }
        seenAtNewest.get(line.instance()).add(line.text());
    }

    /** The last {@code lines} lines, or all of them when negative. */
    private List<LogLine> tail(Pod pod, int lines) {
        try {
            var log = client.pods().inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .inContainer(AppDeployment.CONTAINER).usingTimestamps();
            return PodLogs.parse(pod.getMetadata().getName(), lines < 0 ? log.getLog() : log.tailingLines(lines).getLog());
        } catch (KubernetesClientException e) {
            return List.of(); // a pod still starting has no log yet; the next period asks again
        }
    }

    private List<LogLine> since(Pod pod, Instant time) {
        try {
            return PodLogs.parse(pod.getMetadata().getName(), client.pods()
                    .inNamespace(pod.getMetadata().getNamespace()).withName(pod.getMetadata().getName())
                    .inContainer(AppDeployment.CONTAINER).usingTimestamps()
                    .sinceTime(time.truncatedTo(ChronoUnit.SECONDS).toString()).getLog());
        } catch (KubernetesClientException e) {
            return List.of();
        }
    }

    private static List<Pod> quietly(Supplier<List<Pod>> pods) {
        try {
            return pods.get();
        } catch (KubernetesClientException e) {
            return List.of(); // the API server away for a moment: the next period asks again
        }
    }

    /** Stops following; no line is handed on after this returns. */
    @Override
    public void close() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
