package org.govpaas.identity.adapter;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a staff member may do inside one department. Membership is a Keycloak group
 * {@code /departments/<code>/<role>}, so the department and the role arrive together in the
 * token's {@code groups} claim and can never be supplied by a request.
 */
public enum DepartmentRole {
    DEVELOPER("developer"),
    STAFF("staff"),
    DEPARTMENT_ADMIN("department-admin");

    private final String groupName;

    DepartmentRole(String groupName) {
        this.groupName = groupName;
    }

    /** The name of the role's subgroup under the department group. */
    public String groupName() {
        return groupName;
    }

    public static Optional<DepartmentRole> fromGroupName(String name) {
        return Arrays.stream(values()).filter(r -> r.groupName.equals(name)).findFirst();
    }
}
