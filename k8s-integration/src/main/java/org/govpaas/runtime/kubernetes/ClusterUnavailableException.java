package org.govpaas.runtime.kubernetes;

import org.govpaas.runtime.RuntimeUnavailableException;

/**
 * The Kubernetes API cannot be reached or answers with server errors. The message says why and
 * when the runtime will try again; until then calls fail at once without contacting the cluster.
 */
public final class ClusterUnavailableException extends RuntimeUnavailableException {

    ClusterUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
