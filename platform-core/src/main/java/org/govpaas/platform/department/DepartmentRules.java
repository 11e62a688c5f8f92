package org.govpaas.platform.department;

/** Limits shared by the API, the console form and the database constraints (V1 migration). */
final class DepartmentRules {
    /** A DNS label: lower-case letters, digits and inner hyphens, starting with a letter. */
    static final String CODE = "^[a-z]([-a-z0-9]*[a-z0-9])?$";
    /** Printable text without control characters or angle brackets, not only spaces. */
    static final String NAME = "^(?=.*\\S)[^\\p{Cntrl}<>]*$";
    static final long MAX_APPS = 1_000;
    static final long MAX_INSTANCES = 10_000;
    static final long MAX_MEMORY_MIB = 4_194_304;
    static final String MAX_BUDGET = "999999999999.99";

    private DepartmentRules() {
    }
}
