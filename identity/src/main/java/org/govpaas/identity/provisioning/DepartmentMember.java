package org.govpaas.identity.provisioning;

import org.govpaas.identity.adapter.DepartmentRole;

/** A staff member's role in a department, as Keycloak's group membership says. */
public record DepartmentMember(String username, String displayName, DepartmentRole role) {
}
