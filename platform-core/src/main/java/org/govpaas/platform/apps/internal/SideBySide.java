package org.govpaas.platform.apps.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

/**
 * Calls to platform services that a deploy waits for, made side by side on virtual threads: the
 * database and the sign-in clients live on different servers, so making them one after the other
 * only adds their times up.
 */
final class SideBySide {

    private SideBySide() {
    }

    static <T> CompletableFuture<T> start(Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, task -> Thread.ofVirtual().name("app-provisioning").start(task));
    }

    /** The call's result, or its own exception as it threw it: the reconciler tells a platform service away by its type. */
    static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }
}
