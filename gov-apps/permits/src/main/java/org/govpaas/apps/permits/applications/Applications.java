package org.govpaas.apps.permits.applications;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.govpaas.apps.permits.form.AttachmentRules;
import org.govpaas.apps.permits.form.FieldProblem;
import org.govpaas.apps.permits.form.FileType;
import org.govpaas.apps.permits.form.FormDefinition;
import org.govpaas.apps.permits.form.PermitForm;
import org.govpaas.apps.permits.form.Upload;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's side of an application: submit, follow, answer a request for information, and
 * read its own documents. Every read and write is filtered on the citizen's subject.
 */
@Service
public class Applications {

    private final ApplicationMapper mapper;
    private final PermitForm form;
    private final Clock clock;

    Applications(ApplicationMapper mapper, PermitForm form, Clock clock) {
        this.mapper = mapper;
        this.form = form;
        this.clock = clock;
    }

    /** Checks everything first; stores the application, its documents and its first history row together. */
    @Transactional
    public Outcome submit(Actor citizen, Map<String, String> submitted, List<Upload> uploads) {
        FormDefinition definition = form.definition();
        Map<String, String> answers = definition.normalise(submitted);
        List<FieldProblem> problems = new ArrayList<>(definition.check(answers, LocalDate.now(clock)));
        problems.addAll(checkUploads(uploads, uploads.size()));
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        String reference = References.next();
        mapper.insert(reference, citizen.subject(), citizen.name(), PermitApplication.JSON.writeValueAsString(answers));
        PermitApplication application = mapper.findByReference(reference);
        store(application.id(), uploads);
        mapper.insertHistory(application.id(), Action.SUBMIT, null, Status.SUBMITTED, citizen, null);
        return Outcome.done(reference);
    }

    /**
     * The citizen's answer to a request for information: new answers, documents removed and
     * added. The application goes back to the reviewer who asked.
     */
    @Transactional
    public Outcome resubmit(Actor citizen, String reference, Map<String, String> submitted, List<Upload> added,
                            Collection<String> removedIds) {
        PermitApplication application = mapper.lockByReference(reference);
        if (application == null || !application.citizenSubject().equals(citizen.subject())) {
            throw new ApplicationNotFound();
        }
        if (application.status() != Status.INFORMATION_REQUESTED) {
            throw new TransitionRefused("transition.notAwaitingInformation");
        }
        FormDefinition definition = form.definition();
        Map<String, String> answers = definition.normalise(submitted);
        List<FieldProblem> problems = new ArrayList<>(definition.check(answers, LocalDate.now(clock)));
        List<Attachment> existing = mapper.attachments(application.id());
        long kept = existing.stream().filter(a -> !removedIds.contains(a.publicId())).count();
        problems.addAll(checkUploads(added, (int) kept + added.size()));
        if (!problems.isEmpty()) {
            return Outcome.refused(problems);
        }
        mapper.updateAnswers(application.id(), PermitApplication.JSON.writeValueAsString(answers));
        existing.stream().filter(a -> removedIds.contains(a.publicId()))
                .forEach(a -> mapper.deleteAttachment(application.id(), a.publicId()));
        store(application.id(), added);
        mapper.updateStatus(application.id(), Status.IN_REVIEW, application.claimedBy(), application.claimedByName());
        mapper.insertHistory(application.id(), Action.RESUBMIT, application.status(), Status.IN_REVIEW, citizen, null);
        return Outcome.done(reference);
    }

    private List<FieldProblem> checkUploads(List<Upload> uploads, int countAfter) {
        AttachmentRules rules = form.attachments();
        List<FieldProblem> problems = new ArrayList<>();
        uploads.forEach(upload -> rules.check(upload).ifPresent(problems::add));
        rules.checkCount(countAfter).ifPresent(problems::add);
        return problems;
    }

    private void store(long applicationId, List<Upload> uploads) {
        for (Upload upload : uploads) {
            FileType type = FileType.sniff(upload.content()).orElseThrow();
            mapper.insertAttachment(applicationId, UUID.randomUUID().toString(), upload.safeName(), type.mediaType(),
                    upload.content());
        }
    }

    /** The citizen's own applications, newest first. */
    public List<PermitApplication> own(Actor citizen) {
        return mapper.listOwn(citizen.subject());
    }

    /** The citizen's own application; anyone else's does not exist for them. */
    public PermitApplication own(Actor citizen, String reference) {
        return Optional.ofNullable(mapper.findOwn(reference, citizen.subject())).orElseThrow(ApplicationNotFound::new);
    }

    public List<HistoryEntry> history(PermitApplication application) {
        return mapper.history(application.id());
    }

    public List<Attachment> attachments(PermitApplication application) {
        return mapper.attachments(application.id());
    }

    /** A document of an application the caller may see (checked by whoever found the application). */
    public Download download(PermitApplication application, String publicId) {
        Attachment attachment = validUuid(publicId) ? mapper.attachment(application.id(), publicId) : null;
        if (attachment == null) {
            throw new ApplicationNotFound();
        }
        return new Download(attachment, mapper.content(attachment.id()).bytes());
    }

    private static boolean validUuid(String text) {
        try {
            UUID.fromString(text);
            return text.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
