package org.govpaas.runtime.kubernetes;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The write path: makes one object in the cluster match its desired form, writing only when it
 * does not. Get, then create when missing, else update when the digest of the desired object
 * differs from the one recorded on the live object ({@link KubernetesNames#DESIRED_HASH}).
 *
 * <p>Why not server-side apply: the fabric8 mock API server answers it with 404 for an object
 * that does not exist yet, and every apply is a write even when nothing changed. Why a digest
 * of the desired object rather than comparing fields: the API server adds defaults (protocols,
 * probe timeouts, a Service's cluster IP) and turns a Secret's {@code stringData} into
 * {@code data}, so a live object never equals what was sent. The price: an edit made by hand
 * in the cluster (kubectl edit) is not undone until the desired state itself changes.
 */
final class ObjectApplier {

    private static final int ATTEMPTS = 3;

    private final KubernetesClient client;
    private final KubernetesSerialization serialization;

    ObjectApplier(KubernetesClient client) {
        this.client = client;
        this.serialization = client.getKubernetesSerialization();
    }

    /** @return the object as the cluster now holds it */
    <T extends HasMetadata> T apply(T desired) {
        String digest = digest(desired);
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(desired, digest);
            } catch (KubernetesClientException e) {
                // 409: created or changed by someone else between our get and our write; read again.
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private <T extends HasMetadata> T applyOnce(T desired, String digest) {
        T live = client.resource(desired).get();
        if (live == null) {
            return client.resource(withDigest(desired, digest)).create();
        }
        requireOwned(live);
        if (digest.equals(live.getMetadata().getAnnotations() == null ? null
                : live.getMetadata().getAnnotations().get(KubernetesNames.DESIRED_HASH))) {
            return live;
        }
        T update = withDigest(desired, digest);
        // Optimistic lock: an update based on a stale read fails with 409 instead of losing a write.
        update.getMetadata().setResourceVersion(live.getMetadata().getResourceVersion());
        keepForeignAnnotations(live, update);
        if (live instanceof Service liveService && update instanceof Service service) {
            // Immutable once allocated; a replace without them is refused by the API server.
            service.getSpec().setClusterIP(liveService.getSpec().getClusterIP());
            service.getSpec().setClusterIPs(liveService.getSpec().getClusterIPs());
        }
        return client.resource(update).update();
    }

    /** Deletes the object when it exists; true when something was deleted. */
    <T extends HasMetadata> boolean deleteIfPresent(T object) {
        if (client.resource(object).get() == null) {
            return false;
        }
        client.resource(object).delete();
        return true;
    }

    /** Never take over an object someone else made under the same name. */
    private static void requireOwned(HasMetadata live) {
        Map<String, String> labels = live.getMetadata().getLabels();
        if (labels == null || !KubernetesNames.MANAGED_BY_VALUE.equals(labels.get(KubernetesNames.MANAGED_BY))) {
            throw new IllegalStateException(live.getKind() + " " + live.getMetadata().getNamespace() + "/"
                    + live.getMetadata().getName() + " exists but is not managed by govpaas; refusing to overwrite it");
        }
    }

    /** Annotations that controllers (e.g. the Deployment revision) or operators put on the object. */
    private static void keepForeignAnnotations(HasMetadata live, HasMetadata update) {
        if (live.getMetadata().getAnnotations() == null) {
            return;
        }
        Map<String, String> annotations = new TreeMap<>(live.getMetadata().getAnnotations());
        annotations.keySet().removeIf(key -> key.startsWith("govpaas.org/"));
        annotations.putAll(update.getMetadata().getAnnotations());
        update.getMetadata().setAnnotations(annotations);
    }

    private <T extends HasMetadata> T withDigest(T desired, String digest) {
        T copy = serialization.clone(desired);
        Map<String, String> annotations = new TreeMap<>();
        if (copy.getMetadata().getAnnotations() != null) {
            annotations.putAll(copy.getMetadata().getAnnotations());
        }
        annotations.put(KubernetesNames.DESIRED_HASH, digest);
        copy.getMetadata().setAnnotations(annotations);
        return copy;
    }

    /** SHA-256 of the object's JSON with every map's keys sorted: equal objects, equal digests. */
    String digest(HasMetadata desired) {
        Object tree = serialization.unmarshal(serialization.asJson(desired), Map.class);
        byte[] json = serialization.asJson(sorted(tree)).getBytes(StandardCharsets.UTF_8);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static Object sorted(Object node) {
        if (node instanceof Map<?, ?> map) {
            Map<String, Object> result = new TreeMap<>();
            map.forEach((key, value) -> result.put(String.valueOf(key), sorted(value)));
            return result;
        }
        if (node instanceof List<?> list) {
            return list.stream().map(ObjectApplier::sorted).toList();
        }
        return node;
    }
}
