package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import org.govpaas.runtime.AppId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells which app's status may have changed, for {@link KubernetesRuntime#watchStatus}. Status is
 * read from an app's Deployment and its pods ({@link AppStatusMapping}), so both are watched, in
 * every namespace, selected by the label every object of the runtime carries; the app is named
 * by the object's department and app labels, never by its name, which two departments may share.
 *
 * <p>Why fabric8 informers rather than plain watches: the API server ends a watch whenever it
 * likes (a timeout, a restart, HTTP 410 once the watch's resource version has been compacted
 * away), and whoever holds it must then list again and work out what changed meanwhile. An
 * informer does just that: it lists, watches from the list's version, lists again after a 410 and
 * reconnects after an outage with exponential back-off, and it hands over the previous object
 * with each update, so that an update which leaves the status as it was is not told. It also
 * ends and re-opens its watch every five to ten minutes, which replaces a connection that died
 * without the client noticing (the JDK's WebSocket does not always notice a connection dropped
 * under it). The price is a copy of the platform's Deployments and pods in memory.
 *
 * <p>What is not watched: Events, which only detail the message of an app whose pods are stuck
 * (the pods' own changes are told); they carry no labels, so watching them would mean every
 * event of every namespace. The first list is not told either: nothing changed, and a control
 * plane looks at every app when it starts anyway.
 *
 * <p>An outage never reaches the caller: starting returns at once and the informers retry in the
 * background until closed, while the control plane's periodic look covers what they miss.
 */
final class AppStatusWatch implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AppStatusWatch.class);

    private final Consumer<AppId> changed;
    private final Runnable clusterAnswered;
    private final List<SharedIndexInformer<? extends HasMetadata>> informers;
    private final CompletableFuture<Void> started;
    private volatile boolean closed;

    /**
     * @param clusterAnswered run before each telling: the API server has just answered, which a
     *                        runtime backing off from an outage may take as its cue to ask again
     */
    private AppStatusWatch(KubernetesClient client, Consumer<AppId> changed, Runnable clusterAnswered) {
        this.changed = changed;
        this.clusterAnswered = clusterAnswered;
        this.informers = List.of(
                inform(client.apps().deployments().inAnyNamespace()
                        .withLabel(KubernetesNames.MANAGED_BY, KubernetesNames.MANAGED_BY_VALUE),
                        AppStatusWatch::deploymentInputs),
                inform(client.pods().inAnyNamespace()
                        .withLabel(KubernetesNames.MANAGED_BY, KubernetesNames.MANAGED_BY_VALUE),
                        AppStatusWatch::podInputs));
        this.started = CompletableFuture.allOf(informers.stream()
                .map(informer -> informer.start().toCompletableFuture()).toArray(CompletableFuture[]::new));
    }

    /** Starts both informers in the background: returns before their first list, even with no cluster. */
    static AppStatusWatch start(KubernetesClient client, Consumer<AppId> changed, Runnable clusterAnswered) {
        return new AppStatusWatch(Objects.requireNonNull(client), Objects.requireNonNull(changed),
                Objects.requireNonNull(clusterAnswered));
    }

    /** Completes once both informers have listed and are watching: changes from then on are told. */
    CompletableFuture<Void> started() {
        return started;
    }

    private <T extends HasMetadata> SharedIndexInformer<T> inform(Informable<T> objects, Function<T, ?> statusInputs) {
        SharedIndexInformer<T> informer = objects.runnableInformer(0);
        informer.addEventHandler(new Teller<>(statusInputs));
        // fabric8 gives up by default on an error before the first list, or on a watch error other
        // than 410: an API server away when the platform starts would end the watch for good.
        informer.exceptionHandler((hadStarted, error) -> !closed);
        return informer;
    }

    /** Stops both informers; no telling begins after this returns. */
    @Override
    public void close() {
        closed = true;
        informers.forEach(SharedIndexInformer::stop);
    }

    private void tell(HasMetadata object) {
        if (closed) {
            return;
        }
        KubernetesNames.appOf(object).ifPresent(id -> {
            clusterAnswered.run();
            try {
                changed.accept(id);
            } catch (RuntimeException e) {
                // The watcher's fault, not the watch's: the next change is told all the same.
                log.warn("A status watcher failed on {}: {}", id, e.toString());
            }
        });
    }

    /** What {@link AppStatusMapping} reads of a Deployment; equal before and after, the status is too. */
    private static List<Object> deploymentInputs(Deployment deployment) {
        return Arrays.asList(deployment.getMetadata().getGeneration(), deployment.getMetadata().getLabels(),
                deployment.getMetadata().getAnnotations(),
                deployment.getSpec() == null ? null : deployment.getSpec().getReplicas(), deployment.getStatus());
    }

    /** What {@link AppStatusMapping} reads of a pod. */
    private static List<Object> podInputs(Pod pod) {
        return Arrays.asList(pod.getMetadata().getDeletionTimestamp(), pod.getStatus());
    }

    /** Tells of every change after the first list; fabric8 calls it on one thread per informer. */
    private final class Teller<T extends HasMetadata> implements ResourceEventHandler<T> {

        private final Function<T, ?> statusInputs;
        private volatile boolean listed;

        Teller(Function<T, ?> statusInputs) {
            this.statusInputs = statusInputs;
        }

        /** Called after each list, once its objects have been handed over. */
        @Override
        public void onList(String resourceVersion, boolean nothing) {
            listed = true;
        }

        @Override
        public void onAdd(T object) {
            if (listed) {
                tell(object);
            }
        }

        @Override
        public void onUpdate(T before, T after) {
            if (!Objects.equals(statusInputs.apply(before), statusInputs.apply(after))) {
                tell(after);
            }
        }

        /** A pod gone is an instance less; a Deployment gone, an unknown app. */
        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            tell(object);
        }
    }
}
