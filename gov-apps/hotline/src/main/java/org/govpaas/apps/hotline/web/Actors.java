package org.govpaas.apps.hotline.web;

import org.govpaas.apps.hotline.ticket.Actor;
import org.govpaas.apps.kit.signin.SignedInUser;

/** The kit's signed-in person as the ticket rules know them. */
public final class Actors {

    private Actors() {
    }

    public static Actor of(SignedInUser user) {
        return user.isStaff() ? Actor.staff(user.subject(), user.displayName())
                : Actor.citizen(user.subject(), user.displayName());
    }
}
