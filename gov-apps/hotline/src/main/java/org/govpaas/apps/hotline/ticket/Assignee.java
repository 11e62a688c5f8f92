package org.govpaas.apps.hotline.ticket;

/**
 * Who works a ticket: a team or unit from the deploy-time list, or one staff member (by display
 * name); exactly one of the two.
 */
public record Assignee(String team, String staffName) {

    public Assignee {
        if ((team == null) == (staffName == null)) {
            throw new IllegalArgumentException("assign to a team or to a staff member, not both or neither");
        }
    }

    public static Assignee team(String code) {
        return new Assignee(code, null);
    }

    public static Assignee staffMember(String name) {
        return new Assignee(null, name);
    }
}
