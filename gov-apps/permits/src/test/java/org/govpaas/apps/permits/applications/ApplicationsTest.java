package org.govpaas.apps.permits.applications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.govpaas.apps.permits.applications.Fixtures.answers;
import static org.govpaas.apps.permits.applications.Fixtures.newCitizen;
import static org.govpaas.apps.permits.applications.Fixtures.newStaff;
import static org.govpaas.apps.permits.applications.Fixtures.ofSize;
import static org.govpaas.apps.permits.applications.Fixtures.pdf;
import static org.govpaas.apps.permits.applications.Fixtures.png;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.govpaas.apps.permits.form.FieldProblem;
import org.govpaas.apps.permits.form.Upload;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Submitting and resubmitting on a real PostgreSQL: what is kept, what is refused, who sees what. */
class ApplicationsTest extends DomainTest {

    @Autowired
    Applications applications;
    @Autowired
    Reviews reviews;
    @Autowired
    JdbcTemplate jdbc;

    int applicationsBefore;
    int attachmentsBefore;

    @BeforeEach
    void count() {
        applicationsBefore = rows("permit_application");
        attachmentsBefore = rows("attachment");
    }

    @Test
    void aValidApplicationIsStoredWithItsDocumentsAndFirstHistoryRow() {
        Actor citizen = newCitizen();
        Outcome outcome = applications.submit(citizen, answers(), List.of(pdf("施工方案.pdf"), png("现场照片.png")));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.reference()).matches("XK(-[2-9A-HJKMNP-TV-Z]{4}){4}");
        PermitApplication stored = applications.own(citizen, outcome.reference());
        assertThat(stored.status()).isEqualTo(Status.SUBMITTED);
        assertThat(stored.claimedBy()).isNull();
        assertThat(stored.answers()).containsEntry("applicant", "杭州某某建筑有限公司")
                .containsEntry("purpose", "外墙维修，搭设脚手架\n夜间设置警示灯");
        assertThat(applications.attachments(stored)).extracting(Attachment::fileName, Attachment::contentType)
                .containsExactly(tuple("施工方案.pdf", "application/pdf"),
                        tuple("现场照片.png", "image/png"));
        assertThat(applications.history(stored)).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo(Action.SUBMIT);
            assertThat(entry.toStatus()).isEqualTo(Status.SUBMITTED);
            assertThat(entry.actorKind()).isEqualTo(Actor.Kind.CITIZEN);
            assertThat(entry.actorSubject()).isEqualTo(citizen.subject());
        });
        Attachment first = applications.attachments(stored).get(0);
        assertThat(applications.download(stored, first.publicId()).content()).isEqualTo(pdf("x.pdf").content());
    }

    @Test
    void missingAndMalformedAnswersAreRefusedAndNothingIsStored() {
        Map<String, String> answers = answers();
        answers.remove("location");
        answers.put("email", "not-an-address");
        answers.put("area", "-3");
        answers.put("startDate", "2026-02-30");
        answers.put("phone", "call me");
        answers.put("applicant", "x".repeat(101));
        answers.put("unknownField", "dropped");

        Outcome outcome = applications.submit(newCitizen(), answers, List.of(pdf("a.pdf")));

        assertThat(outcome.isDone()).isFalse();
        assertThat(outcome.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                tuple("applicant", "answer.error.tooLong"),
                tuple("phone", "answer.error.phone"),
                tuple("email", "answer.error.email"),
                tuple("location", "answer.error.required"),
                tuple("area", "answer.error.number"),
                tuple("startDate", "answer.error.date"));
        assertNothingStored();
    }

    @Test
    void aPeriodStartingBeforeTheCitysTodayOrEndingBeforeItStartsIsRefusedAndNothingIsStored() {
        // The clock is just after midnight in Shanghai: 2026-11-20 is still today in UTC, not in the city.
        Map<String, String> answers = answers();
        answers.put("startDate", "2026-11-20");
        answers.put("endDate", "2026-11-19");

        Outcome outcome = applications.submit(newCitizen(), answers, List.of(pdf("a.pdf")));

        assertThat(outcome.problems()).extracting(FieldProblem::field, FieldProblem::messageKey).containsExactly(
                tuple("startDate", "answer.error.past"),
                tuple("endDate", "answer.error.beforeStart"));
        assertNothingStored();
        answers.put("startDate", "2026-11-21");
        answers.put("endDate", "2026-11-21");
        assertThat(applications.submit(newCitizen(), answers, List.of(pdf("a.pdf"))).isDone()).isTrue();
    }

    @Test
    void anOversizedDocumentIsRefusedAndNothingIsStored() {
        int fiveMb = 5 * 1024 * 1024;
        Outcome outcome = applications.submit(newCitizen(), answers(), List.of(ofSize("big.pdf", fiveMb + 1)));

        assertThat(outcome.problems()).extracting(FieldProblem::messageKey).containsExactly("upload.error.tooLarge");
        assertNothingStored();
        // Exactly at the limit is fine.
        assertThat(applications.submit(newCitizen(), answers(), List.of(ofSize("max.pdf", fiveMb))).isDone()).isTrue();
    }

    @Test
    void aDocumentOfAnotherTypeIsRefusedWhateverItsNameSays() {
        Upload text = new Upload("notes.txt", "plain words".getBytes(StandardCharsets.UTF_8));
        Upload pageCalledPdf = new Upload("scan.pdf", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        Upload pngCalledPdf = png("photo.pdf");
        Upload empty = new Upload("empty.pdf", new byte[0]);

        Outcome outcome = applications.submit(newCitizen(), answers(), List.of(text, pageCalledPdf, pngCalledPdf, empty));

        assertThat(outcome.problems()).extracting(FieldProblem::messageKey).containsExactly(
                "upload.error.type", "upload.error.type", "upload.error.nameMismatch", "upload.error.empty");
        assertNothingStored();
    }

    @Test
    void theNumberOfDocumentsIsBounded() {
        assertThat(applications.submit(newCitizen(), answers(), List.of()).problems())
                .extracting(FieldProblem::messageKey).containsExactly("upload.error.tooFew");
        List<Upload> six = List.of(pdf("1.pdf"), pdf("2.pdf"), pdf("3.pdf"), pdf("4.pdf"), pdf("5.pdf"), pdf("6.pdf"));
        assertThat(applications.submit(newCitizen(), answers(), six).problems())
                .extracting(FieldProblem::messageKey).containsExactly("upload.error.tooMany");
        assertNothingStored();
    }

    @Test
    void aFolderInTheFileNameIsNotKept() {
        Actor citizen = newCitizen();
        String reference = applications.submit(citizen, answers(), List.of(pdf("..\\..\\C:\\secret\\plan.pdf"))).reference();
        assertThat(applications.attachments(applications.own(citizen, reference)))
                .extracting(Attachment::fileName).containsExactly("plan.pdf");
    }

    @Test
    void anotherCitizenCannotSeeOrAnswerTheApplication() {
        Actor owner = newCitizen();
        String reference = applications.submit(owner, answers(), List.of(pdf("a.pdf"))).reference();
        PermitApplication application = applications.own(owner, reference);
        String document = applications.attachments(application).get(0).publicId();
        Actor other = newCitizen();

        assertThatThrownBy(() -> applications.own(other, reference)).isInstanceOf(ApplicationNotFound.class);
        assertThat(applications.own(other)).isEmpty();
        assertThatThrownBy(() -> applications.resubmit(other, reference, answers(), List.of(), List.of()))
                .isInstanceOf(ApplicationNotFound.class);
        assertThat(applications.own(owner)).extracting(PermitApplication::reference).containsExactly(reference);
        // A document id is looked up within the application only.
        String otherReference = applications.submit(other, answers(), List.of(pdf("b.pdf"))).reference();
        PermitApplication othersApplication = applications.own(other, otherReference);
        assertThatThrownBy(() -> applications.download(othersApplication, document)).isInstanceOf(ApplicationNotFound.class);
        assertThatThrownBy(() -> applications.download(application, "../../etc/passwd")).isInstanceOf(ApplicationNotFound.class);
    }

    @Test
    void referencesDoNotRepeat() {
        Set<String> references = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            references.add(References.next());
        }
        assertThat(references).hasSize(2000);
    }

    @Test
    void answeringARequestReplacesAnswersAndDocumentsAndReturnsToTheReviewer() {
        Actor citizen = newCitizen();
        Actor staff = newStaff();
        String reference = applications.submit(citizen, answers(), List.of(pdf("old.pdf"))).reference();
        reviews.claim(staff, reference);
        reviews.requestInformation(staff, reference, "请补充现场照片");
        String old = applications.attachments(applications.own(citizen, reference)).get(0).publicId();

        Map<String, String> corrected = answers();
        corrected.put("area", "20");
        // Removing the only document without adding one would leave too few: refused, nothing changed.
        assertThat(applications.resubmit(citizen, reference, corrected, List.of(), List.of(old)).problems())
                .extracting(FieldProblem::messageKey).containsExactly("upload.error.tooFew");
        assertThat(applications.own(citizen, reference).status()).isEqualTo(Status.INFORMATION_REQUESTED);
        assertThat(applications.own(citizen, reference).answers()).containsEntry("area", "24.5");

        Outcome outcome = applications.resubmit(citizen, reference, corrected, List.of(png("photo.png")), List.of(old));

        assertThat(outcome.isDone()).isTrue();
        PermitApplication after = applications.own(citizen, reference);
        assertThat(after.status()).isEqualTo(Status.IN_REVIEW);
        assertThat(after.claimedBy()).isEqualTo(staff.subject());
        assertThat(after.answers()).containsEntry("area", "20");
        assertThat(applications.attachments(after)).extracting(Attachment::fileName).containsExactly("photo.png");
        assertThat(applications.history(after)).extracting(HistoryEntry::action).containsExactly(
                Action.SUBMIT, Action.CLAIM, Action.REQUEST_INFORMATION, Action.RESUBMIT);
        // Only once per request.
        assertThatThrownBy(() -> applications.resubmit(citizen, reference, corrected, List.of(), List.of()))
                .isInstanceOf(TransitionRefused.class).hasMessage("transition.notAwaitingInformation");
    }

    private void assertNothingStored() {
        assertThat(rows("permit_application")).isEqualTo(applicationsBefore);
        assertThat(rows("attachment")).isEqualTo(attachmentsBefore);
    }

    private int rows(String table) {
        return jdbc.queryForObject("select count(*) from " + table, Integer.class);
    }
}
