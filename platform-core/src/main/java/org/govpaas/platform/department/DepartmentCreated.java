package org.govpaas.platform.department;

/** A platform admin created a department (its Keycloak group exists by now). */
public record DepartmentCreated(long departmentId, String code, String actor, DepartmentDraft draft) {
}
