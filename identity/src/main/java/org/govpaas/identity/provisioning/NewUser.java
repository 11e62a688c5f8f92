package org.govpaas.identity.provisioning;

import java.util.List;

/**
 * A user to create when missing (demo data in the local profile).
 *
 * @param groupPaths full group paths such as {@code /departments/health/developer}
 */
public record NewUser(String username, String firstName, String lastName, String email,
                      String password, List<String> realmRoles, List<String> groupPaths) {
}
