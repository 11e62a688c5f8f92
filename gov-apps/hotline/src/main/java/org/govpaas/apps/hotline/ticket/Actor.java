package org.govpaas.apps.hotline.ticket;

import java.util.Objects;

/**
 * Who does something to a ticket: the signed-in person as the service needs it, kept apart from
 * the sign-in types so the rules can be tested without a browser.
 *
 * @param subject the stable identity provider subject; tickets are owned by it
 * @param name    shown in the history
 */
public record Actor(Kind kind, String subject, String name) {

    public enum Kind { CITIZEN, STAFF }

    public Actor {
        Objects.requireNonNull(kind, "kind");
        if (subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("an actor needs a subject");
        }
        name = name == null || name.isBlank() ? subject : name;
    }

    public static Actor citizen(String subject, String name) {
        return new Actor(Kind.CITIZEN, subject, name);
    }

    public static Actor staff(String subject, String name) {
        return new Actor(Kind.STAFF, subject, name);
    }
}
