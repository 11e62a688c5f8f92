package org.govpaas.platform.apps.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Calls to platform services that a deploy waits for, made side by side on virtual threads: the
 * database and the sign-in clients live on different servers, so making them one after the other
 * only adds their times up.
 */
final class SideBySide {

    private SideBySide() {
    }

    static <T> Future<T> start(Supplier<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread.ofVirtual().name("app-provisioning").start(() -> {
            try {
                result.complete(call.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** The call's result, or its own exception as it threw it: the reconciler tells a platform service away by its type. */
    static <T> T join(Future<T> future) {
        try {
            return future.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a platform service", e);
        }
    }
}
