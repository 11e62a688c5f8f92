package org.govpaas.platform.system;

import java.util.Set;

/** A staff member completed the console sign-in through Keycloak. */
public record StaffSignedIn(String username, Set<String> departments) {
}
