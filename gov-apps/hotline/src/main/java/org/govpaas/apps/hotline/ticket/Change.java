package org.govpaas.apps.hotline.ticket;

/**
 * What an action set, as recorded in the history: the fields it does not touch are null.
 *
 * @param staffName the display name of the staff member a ticket was assigned to
 * @param note      the resolution note or the reason for reopening
 */
record Change(String category, Priority priority, String team, String staffName, String note) {

    static final Change NONE = new Change(null, null, null, null, null);
}
