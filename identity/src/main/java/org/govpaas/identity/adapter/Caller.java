package org.govpaas.identity.adapter;

import java.util.Map;
import java.util.Set;

/**
 * Who is calling, as proven by a validated Keycloak token: never built from headers or form
 * fields. Every tenant decision in the platform starts from this record.
 *
 * @param username    the Keycloak {@code preferred_username}
 * @param displayName a name to show (falls back to the username)
 * @param platformRoles the platform's realm roles held: {@code platform-admin}, {@code it-office}
 * @param departments department code to the roles held in it
 */
public record Caller(String username, String displayName, Set<String> platformRoles,
                     Map<String, Set<DepartmentRole>> departments) {

    public static final String PLATFORM_ADMIN = "platform-admin";
    public static final String IT_OFFICE = "it-office";
    /** The realm roles that mean something to the platform; department roles are groups. */
    public static final Set<String> PLATFORM_ROLES = Set.of(PLATFORM_ADMIN, IT_OFFICE);

    public Caller {
        platformRoles = Set.copyOf(platformRoles);
        departments = Map.copyOf(departments);
    }

    public boolean isPlatformAdmin() {
        return platformRoles.contains(PLATFORM_ADMIN);
    }

    public boolean isItOffice() {
        return platformRoles.contains(IT_OFFICE);
    }

    /** Platform admins and the IT office work across departments; everybody else inside theirs. */
    public boolean seesAllDepartments() {
        return isPlatformAdmin() || isItOffice();
    }

    public boolean isMemberOf(String departmentCode) {
        return departments.containsKey(departmentCode);
    }

    public boolean canSee(String departmentCode) {
        return seesAllDepartments() || isMemberOf(departmentCode);
    }

    public boolean hasRole(String departmentCode, DepartmentRole role) {
        return departments.getOrDefault(departmentCode, Set.of()).contains(role);
    }

    /** Departments where this caller holds {@code role}. */
    public Set<String> departmentsWithRole(DepartmentRole role) {
        return departments.entrySet().stream()
                .filter(e -> e.getValue().contains(role))
                .map(Map.Entry::getKey)
                .collect(java.util.stream.Collectors.toUnmodifiableSet());
    }
}
