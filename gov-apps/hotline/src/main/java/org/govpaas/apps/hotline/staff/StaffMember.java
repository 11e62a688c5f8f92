package org.govpaas.apps.hotline.staff;

/** A staff member who has opened the back office, and so can be assigned tickets. */
public record StaffMember(String subject, String username, String displayName) {
}
