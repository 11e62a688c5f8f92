package org.govpaas.platform.system;

/** A service the platform depends on (Keycloak, the database) is away; retry later. */
public class ServiceUnavailableException extends RuntimeException {
    public ServiceUnavailableException(String service, Throwable cause) {
        super(service + " is unavailable", cause);
    }
}
