package org.govpaas.apps.permits.applications;

import java.util.Objects;

/**
 * Who acts: a citizen or a staff member of the department, as the sign-in established them.
 *
 * @param kind    citizen or staff
 * @param subject the stable identity-provider subject
 * @param name    the display name at the time, kept in the history
 */
public record Actor(Kind kind, String subject, String name) {

    public enum Kind { CITIZEN, STAFF }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(subject, "subject");
        name = name == null || name.isBlank() ? subject : name;
    }

    public static Actor citizen(String subject, String name) {
        return new Actor(Kind.CITIZEN, subject, name);
    }

    public static Actor staff(String subject, String name) {
        return new Actor(Kind.STAFF, subject, name);
    }
}
