package org.govpaas.platform.department;

import org.govpaas.identity.adapter.DepartmentRole;

/** A staff member was given or lost a role in a department. */
public record DepartmentMembershipChanged(long departmentId, String code, String actor, String member,
                                          DepartmentRole role, boolean added) {
}
