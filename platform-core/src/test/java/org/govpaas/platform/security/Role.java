package org.govpaas.platform.security;

/** The people of the role matrix, each a demo account of the local profile. */
enum Role {
    PLATFORM_ADMIN("platform-admin"),
    IT_OFFICE("it-office"),
    DEVELOPER("dev-civil"),
    STAFF("staff-civil"),
    ANONYMOUS(null);

    /** The department the developer and the staff member work in. */
    static final String OWN_DEPARTMENT = "civil-affairs";
    /** A department none of them works in. */
    static final String OTHER_DEPARTMENT = "health";

    final String username;

    Role(String username) {
        this.username = username;
    }
}
