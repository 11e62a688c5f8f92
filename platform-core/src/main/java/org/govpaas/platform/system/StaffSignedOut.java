package org.govpaas.platform.system;

import java.util.Set;

/** A staff member signed out of the console (and of Keycloak). */
public record StaffSignedOut(String username, Set<String> departments) {
}
