package org.govpaas.runtime;

/**
 * The runtime cannot act now (a cluster that cannot be reached, say) and will retry by itself.
 * Its message is written for operators and names no secret, so the control plane may show it as
 * the app's status message.
 */
public class RuntimeUnavailableException extends RuntimeException {

    public RuntimeUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
