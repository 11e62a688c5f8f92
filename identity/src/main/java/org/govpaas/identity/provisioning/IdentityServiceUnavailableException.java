package org.govpaas.identity.provisioning;

/** Keycloak could not be reached or refused the platform's service account. */
public class IdentityServiceUnavailableException extends RuntimeException {
    public IdentityServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
