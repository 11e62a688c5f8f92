package org.govpaas.runtime.kubernetes;

/**
 * The Kubernetes API cannot be reached or answers with server errors. The message says why and
 * when the runtime will try again; until then calls fail at once without contacting the cluster.
 */
public final class ClusterUnavailableException extends RuntimeException {

    ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
