package org.govpaas.identity.provisioning;

/** No Keycloak user has the given username. */
public class UnknownUserException extends RuntimeException {
    private final String username;

    public UnknownUserException(String username) {
        super("no user named " + username);
        this.username = username;
    }

    public String username() {
        return username;
    }
}
