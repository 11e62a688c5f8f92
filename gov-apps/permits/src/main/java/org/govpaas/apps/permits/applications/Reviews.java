package org.govpaas.apps.permits.applications;

import java.util.List;
import java.util.Optional;
import org.govpaas.apps.permits.form.FieldProblem;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The department's side: the review queue and the transitions staff make. Each transition locks
 * the row, so of two reviewers claiming or deciding at once exactly one succeeds and the other
 * gets a {@link TransitionRefused} that says why.
 */
@Service
public class Reviews {

    static final int MAX_COMMENT = 2000;
    public static final String COMMENT = "comment";

    /** Which part of the queue a reviewer looks at. */
    public enum Queue {
        WAITING(List.of(Status.SUBMITTED)),
        OPEN(List.of(Status.SUBMITTED, Status.IN_REVIEW, Status.INFORMATION_REQUESTED)),
        DECIDED(List.of(Status.APPROVED, Status.REJECTED)),
        ALL(null);

        private final List<Status> statuses;

        Queue(List<Status> statuses) {
            this.statuses = statuses;
        }
    }

    private final ApplicationMapper mapper;

    Reviews(ApplicationMapper mapper) {
        this.mapper = mapper;
    }

    /** Oldest first, so what waits longest is seen first. */
    public List<PermitApplication> queue(Queue queue, int limit) {
        return mapper.listByStatus(queue.statuses, limit);
    }

    /** The latest transitions of all applications, newest first. */
    public List<Activity> recentActivity(int limit) {
        return mapper.recentActivity(limit);
    }

    public PermitApplication find(String reference) {
        return Optional.ofNullable(mapper.findByReference(reference)).orElseThrow(ApplicationNotFound::new);
    }

    /** Takes an unclaimed application from the queue. */
    @Transactional
    public void claim(Actor staff, String reference) {
        PermitApplication application = lock(reference);
        if (application.status() != Status.SUBMITTED) {
            refuseUnlessOpen(application);
            throw new TransitionRefused(application.isClaimedBy(staff.subject())
                    ? "transition.alreadyYours" : "transition.claimedByOther");
        }
        move(application, Action.CLAIM, Status.IN_REVIEW, staff, null);
    }

    /** Takes over an application another staff member claimed (e.g. while they are away); recorded. */
    @Transactional
    public void takeOver(Actor staff, String reference) {
        PermitApplication application = lock(reference);
        refuseUnlessOpen(application);
        if (application.status() == Status.SUBMITTED) {
            throw new TransitionRefused("transition.notClaimed");
        }
        if (application.isClaimedBy(staff.subject())) {
            throw new TransitionRefused("transition.alreadyYours");
        }
        move(application, Action.TAKE_OVER, application.status(), staff, null);
    }

    /** Asks the citizen for more; the comment (required) tells them what. */
    @Transactional
    public List<FieldProblem> requestInformation(Actor staff, String reference, String comment) {
        return decide(staff, reference, Action.REQUEST_INFORMATION, Status.INFORMATION_REQUESTED, comment, true);
    }

    /** Grants the permit; a comment is optional. */
    @Transactional
    public List<FieldProblem> approve(Actor staff, String reference, String comment) {
        return decide(staff, reference, Action.APPROVE, Status.APPROVED, comment, false);
    }

    /** Refuses the permit; the citizen must be told why, so the comment is required. */
    @Transactional
    public List<FieldProblem> reject(Actor staff, String reference, String comment) {
        return decide(staff, reference, Action.REJECT, Status.REJECTED, comment, true);
    }

    private List<FieldProblem> decide(Actor staff, String reference, Action action, Status to, String comment,
                                      boolean commentRequired) {
        PermitApplication application = lock(reference);
        refuseUnlessOpen(application);
        if (application.status() == Status.SUBMITTED) {
            throw new TransitionRefused("transition.notClaimed");
        }
        if (!application.isClaimedBy(staff.subject())) {
            throw new TransitionRefused("transition.claimedByOther");
        }
        if (application.status() != Status.IN_REVIEW) {
            throw new TransitionRefused("transition.awaitingCitizen");
        }
        String text = comment == null ? "" : comment.strip().replace("\r\n", "\n");
        if (commentRequired && text.isEmpty()) {
            return List.of(new FieldProblem(COMMENT, "comment.error.required"));
        }
        if (text.length() > MAX_COMMENT) {
            return List.of(new FieldProblem(COMMENT, "comment.error.tooLong", MAX_COMMENT));
        }
        move(application, action, to, staff, text.isEmpty() ? null : text);
        return List.of();
    }

    private PermitApplication lock(String reference) {
        return Optional.ofNullable(mapper.lockByReference(reference)).orElseThrow(ApplicationNotFound::new);
    }

    private static void refuseUnlessOpen(PermitApplication application) {
        if (application.status().isFinal()) {
            throw new TransitionRefused("transition.final");
        }
    }

    private void move(PermitApplication application, Action action, Status to, Actor staff, String comment) {
        mapper.updateStatus(application.id(), to, staff.subject(), staff.name());
        mapper.insertHistory(application.id(), action, application.status(), to, staff, comment);
    }
}
