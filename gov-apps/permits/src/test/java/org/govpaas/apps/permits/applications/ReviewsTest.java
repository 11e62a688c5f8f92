package org.govpaas.apps.permits.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.govpaas.apps.permits.applications.Fixtures.answers;
import static org.govpaas.apps.permits.applications.Fixtures.newCitizen;
import static org.govpaas.apps.permits.applications.Fixtures.newStaff;
import static org.govpaas.apps.permits.applications.Fixtures.pdf;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.govpaas.apps.permits.form.FieldProblem;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The review state machine on a real PostgreSQL: every legal move, every refused one, and races. */
class ReviewsTest extends DomainTest {

    @Autowired
    Applications applications;
    @Autowired
    Reviews reviews;

    final Actor citizen = newCitizen();
    final Actor alice = newStaff();
    final Actor bob = newStaff();

    @Test
    void claimThenApproveIsRecordedWithWhoAndWhen() {
        String reference = submitted();
        assertThat(reviews.queue(Reviews.Queue.WAITING, 1000)).extracting(PermitApplication::reference).contains(reference);

        reviews.claim(alice, reference);
        assertThat(reviews.queue(Reviews.Queue.WAITING, 1000)).extracting(PermitApplication::reference).doesNotContain(reference);
        assertThat(reviews.find(reference).claimedByName()).isEqualTo(alice.name());
        assertThat(reviews.approve(alice, reference, "  符合条件，准予许可  ")).isEmpty();

        PermitApplication decided = reviews.find(reference);
        assertThat(decided.status()).isEqualTo(Status.APPROVED);
        assertThat(reviews.queue(Reviews.Queue.DECIDED, 1000)).extracting(PermitApplication::reference).contains(reference);
        List<HistoryEntry> history = applications.history(decided);
        assertThat(history).extracting(HistoryEntry::action, HistoryEntry::fromStatus, HistoryEntry::toStatus)
                .containsExactly(
                        tuple(Action.SUBMIT, null, Status.SUBMITTED),
                        tuple(Action.CLAIM, Status.SUBMITTED, Status.IN_REVIEW),
                        tuple(Action.APPROVE, Status.IN_REVIEW, Status.APPROVED));
        HistoryEntry approval = history.get(2);
        assertThat(approval.actorKind()).isEqualTo(Actor.Kind.STAFF);
        assertThat(approval.actorSubject()).isEqualTo(alice.subject());
        assertThat(approval.actorName()).isEqualTo(alice.name());
        assertThat(approval.comment()).isEqualTo("符合条件，准予许可");
        assertThat(approval.occurredAt()).isNotNull();
        assertThat(reviews.recentActivity(10)).first().satisfies(a -> {
            assertThat(a.reference()).isEqualTo(reference);
            assertThat(a.action()).isEqualTo(Action.APPROVE);
        });
    }

    @Test
    void nothingCanBeDecidedBeforeItIsClaimed() {
        String reference = submitted();
        refused(() -> reviews.approve(alice, reference, ""), "transition.notClaimed");
        refused(() -> reviews.reject(alice, reference, "不符合"), "transition.notClaimed");
        refused(() -> reviews.requestInformation(alice, reference, "补充"), "transition.notClaimed");
        refused(() -> reviews.takeOver(alice, reference), "transition.notClaimed");
        assertUnchanged(reference, Status.SUBMITTED, 1);
    }

    @Test
    void anotherReviewerMustTakeOverBeforeActing() {
        String reference = submitted();
        reviews.claim(alice, reference);

        refused(() -> reviews.claim(bob, reference), "transition.claimedByOther");
        refused(() -> reviews.approve(bob, reference, ""), "transition.claimedByOther");
        refused(() -> reviews.reject(bob, reference, "不符合"), "transition.claimedByOther");
        refused(() -> reviews.claim(alice, reference), "transition.alreadyYours");
        refused(() -> reviews.takeOver(alice, reference), "transition.alreadyYours");
        assertUnchanged(reference, Status.IN_REVIEW, 2);

        reviews.takeOver(bob, reference);
        assertThat(reviews.find(reference).claimedBy()).isEqualTo(bob.subject());
        refused(() -> reviews.approve(alice, reference, ""), "transition.claimedByOther");
        assertThat(reviews.reject(bob, reference, "材料不齐全")).isEmpty();
        assertThat(applications.history(reviews.find(reference))).extracting(HistoryEntry::action, HistoryEntry::actorName)
                .containsExactly(
                        tuple(Action.SUBMIT, citizen.name()),
                        tuple(Action.CLAIM, alice.name()),
                        tuple(Action.TAKE_OVER, bob.name()),
                        tuple(Action.REJECT, bob.name()));
    }

    @Test
    void aDecidedApplicationStaysDecided() {
        String reference = submitted();
        reviews.claim(alice, reference);
        reviews.reject(alice, reference, "不符合规划要求");

        refused(() -> reviews.approve(alice, reference, ""), "transition.final");
        refused(() -> reviews.reject(alice, reference, "again"), "transition.final");
        refused(() -> reviews.requestInformation(alice, reference, "补充"), "transition.final");
        refused(() -> reviews.claim(bob, reference), "transition.final");
        refused(() -> reviews.takeOver(bob, reference), "transition.final");
        assertThatThrownBy(() -> applications.resubmit(citizen, reference, answers(), List.of(), List.of()))
                .isInstanceOf(TransitionRefused.class);
        assertUnchanged(reference, Status.REJECTED, 3);
    }

    @Test
    void rejectingOrAskingNeedsAReasonTheCitizenCanRead() {
        String reference = submitted();
        reviews.claim(alice, reference);

        assertThat(reviews.reject(alice, reference, "   ")).extracting(FieldProblem::messageKey)
                .containsExactly("comment.error.required");
        assertThat(reviews.requestInformation(alice, reference, null)).extracting(FieldProblem::messageKey)
                .containsExactly("comment.error.required");
        assertThat(reviews.approve(alice, reference, "长".repeat(2001))).extracting(FieldProblem::messageKey)
                .containsExactly("comment.error.tooLong");
        assertUnchanged(reference, Status.IN_REVIEW, 2);
    }

    @Test
    void whileTheCitizenAnswersTheReviewerWaits() {
        String reference = submitted();
        reviews.claim(alice, reference);
        assertThat(reviews.requestInformation(alice, reference, "请补充施工图纸")).isEmpty();

        refused(() -> reviews.approve(alice, reference, ""), "transition.awaitingCitizen");
        refused(() -> reviews.requestInformation(alice, reference, "again"), "transition.awaitingCitizen");
        assertUnchanged(reference, Status.INFORMATION_REQUESTED, 3);
        assertThat(reviews.queue(Reviews.Queue.OPEN, 1000)).extracting(PermitApplication::reference).contains(reference);
    }

    @Test
    void unknownReferencesAreNotFound() {
        assertThatThrownBy(() -> reviews.find("XK-0000-0000-0000-0000")).isInstanceOf(ApplicationNotFound.class);
        assertThatThrownBy(() -> reviews.claim(alice, "' or 1=1 --")).isInstanceOf(ApplicationNotFound.class);
    }

    @Test
    void ofManyReviewersClaimingAtOnceExactlyOneGetsIt() throws Exception {
        String reference = submitted();
        int reviewers = 8;
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<String>> claims = new ArrayList<>();
        for (int i = 0; i < reviewers; i++) {
            Actor reviewer = newStaff();
            claims.add(() -> {
                start.await();
                try {
                    reviews.claim(reviewer, reference);
                    return "claimed";
                } catch (TransitionRefused e) {
                    return e.messageKey();
                }
            });
        }
        ExecutorService pool = Executors.newFixedThreadPool(reviewers);
        try {
            List<Future<String>> results = claims.stream().map(pool::submit).toList();
            start.countDown();
            List<String> outcomes = new ArrayList<>();
            for (Future<String> result : results) {
                outcomes.add(result.get());
            }
            assertThat(outcomes).filteredOn("claimed"::equals).hasSize(1);
            assertThat(outcomes).filteredOn("transition.claimedByOther"::equals).hasSize(reviewers - 1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(applications.history(reviews.find(reference))).extracting(HistoryEntry::action)
                .containsExactly(Action.SUBMIT, Action.CLAIM);
    }

    private String submitted() {
        return applications.submit(citizen, answers(), List.of(pdf("a.pdf"))).reference();
    }

    private static void refused(Runnable action, String reason) {
        assertThatThrownBy(action::run).isInstanceOf(TransitionRefused.class).hasMessage(reason);
    }

    private void assertUnchanged(String reference, Status status, int historyRows) {
        PermitApplication application = reviews.find(reference);
        assertThat(application.status()).isEqualTo(status);
        assertThat(applications.history(application)).hasSize(historyRows);
    }
}
