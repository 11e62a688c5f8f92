package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

/**
 * Exponential back-off for calls to a cluster that is away: after a failure, calls fail at once
 * with the reason until the delay has passed (doubling from {@code first} up to {@code max} with
 * every failure in a row); the first success resets it, as does a change the status watch hears
 * ({@link #answered}). However often the reconciler loops, the API server sees at most one attempt
 * per delay (or per change it streamed), so an outage never turns into a tight loop.
 *
 * <p>Only faults of the cluster count (no answer, 429, 5xx). A 4xx answer is about the request
 * (refused by admission, forbidden by RBAC) and passes through unchanged.
 */
final class ClusterBackoff {

    private final Clock clock;
    private final Duration first;
    private final Duration max;
    private int failuresInARow;
    private Instant retryAt;
    private String reason;
    private KubernetesClientException lastFault;

    ClusterBackoff(Clock clock, Duration first, Duration max) {
        this.clock = clock;
        this.first = first;
        this.max = max;
    }

    <T> T call(Supplier<T> call) {
        synchronized (this) {
            Instant now = clock.instant();
            if (retryAt != null && now.isBefore(retryAt)) {
                throw unavailable(now);
            }
        }
        try {
            T result = call.get();
            answered();
            return result;
        } catch (KubernetesClientException e) {
            if (!isClusterFault(e)) {
                throw e;
            }
            synchronized (this) {
                failuresInARow++;
                Duration delay = first.multipliedBy(1L << Math.min(failuresInARow - 1, 20));
                Instant now = clock.instant();
                retryAt = now.plus(delay.compareTo(max) > 0 ? max : delay);
                reason = describe(e);
                lastFault = e;
                throw unavailable(now);
            }
        }
    }

    /**
     * The cluster answered a request made elsewhere (a watch event): the next call tries at once.
     * An API server that streams changes is back; making callers wait out the delay would only
     * have them answer from before the outage. A cluster that still fails starts a new back-off.
     */
    synchronized void answered() {
        failuresInARow = 0;
        retryAt = null;
        reason = null;
    }

    void run(Runnable call) {
        call(() -> {
            call.run();
            return null;
        });
    }

    /** The reason of the outage now, or null when the last call reached the cluster. */
    synchronized String outage() {
        return reason == null ? null : unavailable(clock.instant()).getMessage();
    }

    private ClusterUnavailableException unavailable(Instant now) {
        long seconds = Math.max(0, Duration.between(now, retryAt).toMillis() + 999) / 1000;
        return new ClusterUnavailableException("Kubernetes API unavailable: " + reason + " (failed " + failuresInARow
                + " time(s) in a row; next attempt in " + seconds + " s)", lastFault);
    }

    static boolean isClusterFault(KubernetesClientException e) {
        int code = e.getCode();
        return code <= 0 || code == 429 || code >= 500;
    }

    private static String describe(KubernetesClientException e) {
        if (e.getCode() > 0) {
            String message = e.getStatus() == null || e.getStatus().getMessage() == null ? "" : ": " + e.getStatus().getMessage();
            return "HTTP " + e.getCode() + message;
        }
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return "no answer (" + text + ")";
    }
}
