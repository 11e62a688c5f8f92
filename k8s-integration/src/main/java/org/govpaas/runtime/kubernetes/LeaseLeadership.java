package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderCallbacks;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElectionConfigBuilder;
import io.fabric8.kubernetes.client.extended.leaderelection.LeaderElector;
import io.fabric8.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.govpaas.runtime.ReconcileLeadership;

/**
 * Leadership among platform replicas through a {@code coordination.k8s.io} Lease (fabric8's
 * {@link LeaderElector}): the holder renews it every {@code retryPeriod}; when it stops renewing
 * (crash, network partition, {@link #close}) another replica takes the Lease once
 * {@code leaseDuration} has passed, or at once when the holder released it on a clean stop.
 *
 * <p>A replica that lost the Lease stands again as a candidate: fabric8's elector ends after
 * leadership is lost, so this class starts a new one until it is closed.
 */
public final class LeaseLeadership implements ReconcileLeadership, AutoCloseable {

    /** Timings for production: a crashed leader is replaced within about 15 seconds. */
    public record Timing(Duration leaseDuration, Duration renewDeadline, Duration retryPeriod) {

        public static Timing defaults() {
            return new Timing(Duration.ofSeconds(15), Duration.ofSeconds(10), Duration.ofSeconds(2));
        }
    }

    private final KubernetesClient client;
    private final String namespace;
    private final String leaseName;
    private final String identity;
    private final Timing timing;
    private final Consumer<String> onNewLeader;
    private final ExecutorService executor = Executors.newCachedThreadPool(
            Thread.ofPlatform().name("lease-leadership-", 0).daemon(true).factory());
    private volatile boolean leader;
    private volatile boolean closed;
    private volatile CompletableFuture<?> running;

    /**
     * @param identity    this replica's name in the Lease (the pod name in a cluster); unique
     * @param onNewLeader told the identity of every new holder, e.g. for a log line
     */
    public LeaseLeadership(KubernetesClient client, String namespace, String leaseName, String identity,
                           Timing timing, Consumer<String> onNewLeader) {
        this.client = Objects.requireNonNull(client);
        this.namespace = Objects.requireNonNull(namespace);
        this.leaseName = Objects.requireNonNull(leaseName);
        this.identity = Objects.requireNonNull(identity);
        this.timing = Objects.requireNonNull(timing);
        this.onNewLeader = Objects.requireNonNull(onNewLeader);
    }

    /** Stands as a candidate in the background; returns at once. */
    public synchronized void start() {
        if (closed || running != null) {
            return;
        }
        stand();
    }

    private synchronized void stand() {
        if (closed) {
            return;
        }
        LeaderElector elector = client.leaderElector().withConfig(new LeaderElectionConfigBuilder()
                .withName(leaseName)
                .withLock(new LeaseLock(namespace, leaseName, identity))
                .withLeaseDuration(timing.leaseDuration())
                .withRenewDeadline(timing.renewDeadline())
                .withRetryPeriod(timing.retryPeriod())
                .withReleaseOnCancel(true)
                .withLeaderCallbacks(new LeaderCallbacks(() -> leader = true, () -> leader = false, onNewLeader::accept))
                .build()).build();
        running = elector.start();
        // Leadership lost (or the API away for longer than the renew deadline): stand again.
        running.whenCompleteAsync((result, error) -> {
            leader = false;
            stand();
        }, executor);
    }

    @Override
    public boolean isLeader() {
        return leader && !closed;
    }

    public String identity() {
        return identity;
    }

    /** Stops leading at once and releases the Lease, so another replica need not wait for it to expire. */
    @Override
    public void close() {
        CompletableFuture<?> current;
        synchronized (this) {
            closed = true;
            current = running;
        }
        leader = false;
        if (current != null) {
            current.cancel(true);
        }
        executor.shutdown();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
