package org.govpaas.apps.hotline.staff;

import org.govpaas.apps.hotline.HotlineChoices;
import org.govpaas.apps.hotline.ticket.Priority;
import org.springframework.validation.Errors;

/**
 * The back office's three forms on a ticket page (triage, assign, resolve) share one object, so
 * a refused submission comes back with its error next to the right field.
 *
 * @see #checkTriage
 */
public class StaffActionForm {

    static final String TEAM = "team:";
    static final String STAFF = "staff:";
    static final int MAX_NOTE = 2000;

    private String category;
    private Priority priority;
    /** {@code team:<code>} or {@code staff:<subject>}: one list offers both. */
    private String assignee;
    private String note;

    void checkTriage(HotlineChoices choices, Errors errors) {
        if (!choices.categories().contains(category)) {
            errors.rejectValue("category", "staff.category.required");
        }
        if (priority == null) {
            errors.rejectValue("priority", "staff.priority.required");
        }
    }

    void checkAssignee(HotlineChoices choices, StaffMember member, Errors errors) {
        boolean team = assignee != null && assignee.startsWith(TEAM)
                && choices.teams().contains(assignee.substring(TEAM.length()));
        if (!team && member == null) {
            errors.rejectValue("assignee", "staff.assignee.required");
        }
    }

    void checkNote(Errors errors) {
        if (note == null || note.isBlank()) {
            errors.rejectValue("note", "staff.note.required");
        } else if (note.strip().length() > MAX_NOTE) {
            errors.rejectValue("note", "staff.note.tooLong", new Object[] {MAX_NOTE}, null);
        }
    }

    /** The team code, when a team was chosen. */
    String team() {
        return assignee != null && assignee.startsWith(TEAM) ? assignee.substring(TEAM.length()) : null;
    }

    /** The staff member's subject, when a person was chosen. */
    String staffSubject() {
        return assignee != null && assignee.startsWith(STAFF) ? assignee.substring(STAFF.length()) : null;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public Priority getPriority() {
        return priority;
    }

    public void setPriority(Priority priority) {
        this.priority = priority;
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    public String getNote() {
        return note;
    }

    public void setNote(String note) {
        this.note = note;
    }
}
