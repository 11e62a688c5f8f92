package org.govpaas.apps.permits.citizen;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpaas.apps.kit.signin.SignedInUser;
import org.govpaas.apps.permits.applications.Action;
import org.govpaas.apps.permits.applications.Actor;
import org.govpaas.apps.permits.applications.Applications;
import org.govpaas.apps.permits.applications.HistoryEntry;
import org.govpaas.apps.permits.applications.Outcome;
import org.govpaas.apps.permits.applications.PermitApplication;
import org.govpaas.apps.permits.applications.Status;
import org.govpaas.apps.permits.applications.TransitionRefused;
import org.govpaas.apps.permits.form.PermitForm;
import org.govpaas.apps.permits.web.AnswerRow;
import org.govpaas.apps.permits.web.Documents;
import org.govpaas.apps.permits.web.Problems;
import org.govpaas.apps.permits.web.Uploads;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import jakarta.servlet.http.HttpServletResponse;

@Controller
@RequestMapping("/my")
class CitizenController {

    static final String LIST = "citizen/list";
    static final String FORM = "citizen/form";
    static final String DETAIL = "citizen/detail";
    /** Form inputs are named {@code answer.<field>}, so no field name can collide with other parameters. */
    static final String ANSWER = "answer.";

    private final Applications applications;
    private final PermitForm form;
    private final Problems problems;

    CitizenController(Applications applications, PermitForm form, Problems problems) {
        this.applications = applications;
        this.form = form;
        this.problems = problems;
    }

    @GetMapping({"", "/"})
    String start() {
        return "redirect:/my/applications";
    }

    @GetMapping("/applications")
    String list(SignedInUser user, Locale locale, Model model) {
        model.addAttribute("permitName", form.name(locale));
        model.addAttribute("applications", applications.own(citizen(user)));
        return LIST;
    }

    @GetMapping("/applications/new")
    String newApplication(Locale locale, Model model) {
        return showForm(null, Map.of(), Map.of(), locale, model);
    }

    @PostMapping("/applications")
    String submit(SignedInUser user, @RequestParam Map<String, String> parameters,
                  @RequestParam(name = "files", required = false) MultipartFile[] files, Locale locale, Model model,
                  HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> answers = answers(parameters);
        Outcome outcome = applications.submit(citizen(user), answers, Uploads.of(files, form.attachments().maxBytes()));
        if (!outcome.isDone()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return showForm(null, answers, problems.resolve(outcome.problems(), locale), locale, model);
        }
        redirect.addFlashAttribute("submitted", true);
        return "redirect:/my/applications/" + outcome.reference();
    }

    @GetMapping("/applications/{reference}")
    String detail(SignedInUser user, @PathVariable String reference, Locale locale, Model model) {
        PermitApplication application = applications.own(citizen(user), reference);
        model.addAttribute("permitName", form.name(locale));
        // Not "application": in templates that name is the servlet context.
        model.addAttribute("permit", application);
        model.addAttribute("answers", AnswerRow.of(form.definition(), application.answers(), locale));
        model.addAttribute("attachments", applications.attachments(application));
        model.addAttribute("history", applications.history(application).stream().map(Step::of).toList());
        return DETAIL;
    }

    @GetMapping("/applications/{reference}/edit")
    String edit(SignedInUser user, @PathVariable String reference, Locale locale, Model model) {
        PermitApplication application = applications.own(citizen(user), reference);
        if (application.status() != Status.INFORMATION_REQUESTED) {
            return "redirect:/my/applications/" + reference;
        }
        return showForm(application, application.answers(), Map.of(), locale, model);
    }

    @PostMapping("/applications/{reference}")
    String resubmit(SignedInUser user, @PathVariable String reference, @RequestParam Map<String, String> parameters,
                    @RequestParam(name = "remove", required = false) List<String> remove,
                    @RequestParam(name = "files", required = false) MultipartFile[] files, Locale locale, Model model,
                    HttpServletResponse response, RedirectAttributes redirect) {
        Map<String, String> answers = answers(parameters);
        Outcome outcome;
        try {
            outcome = applications.resubmit(citizen(user), reference, answers, Uploads.of(files, form.attachments().maxBytes()),
                    remove == null ? List.of() : remove);
        } catch (TransitionRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
            return "redirect:/my/applications/" + reference;
        }
        if (!outcome.isDone()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            PermitApplication application = applications.own(citizen(user), reference);
            model.addAttribute("removed", remove == null ? List.of() : remove);
            return showForm(application, answers, problems.resolve(outcome.problems(), locale), locale, model);
        }
        redirect.addFlashAttribute("resubmitted", true);
        return "redirect:/my/applications/" + reference;
    }

    @GetMapping("/applications/{reference}/attachments/{publicId}")
    ResponseEntity<byte[]> download(SignedInUser user, @PathVariable String reference, @PathVariable String publicId) {
        return Documents.send(applications.download(applications.own(citizen(user), reference), publicId));
    }

    private String showForm(PermitApplication application, Map<String, String> answers,
                            Map<String, List<String>> errors, Locale locale, Model model) {
        model.addAttribute("permitName", form.name(locale));
        model.addAttribute("fields", form.definition().fields());
        model.addAttribute("rules", form.attachments());
        model.addAttribute("values", answers);
        model.addAttribute("errors", errors);
        // Not "application": in templates that name is the servlet context.
        model.addAttribute("permit", application);
        if (application != null) {
            model.addAttribute("attachments", applications.attachments(application));
            // What the reviewer asked for, shown above the form the citizen now corrects.
            model.addAttribute("request", applications.history(application).stream()
                    .filter(entry -> entry.action() == Action.REQUEST_INFORMATION)
                    .reduce((first, second) -> second).map(HistoryEntry::comment).orElse(null));
        }
        return FORM;
    }

    private static Map<String, String> answers(Map<String, String> parameters) {
        Map<String, String> answers = new LinkedHashMap<>();
        parameters.forEach((name, value) -> {
            if (name.startsWith(ANSWER)) {
                answers.put(name.substring(ANSWER.length()), value);
            }
        });
        return answers;
    }

    private static Actor citizen(SignedInUser user) {
        return Actor.citizen(user.subject(), user.displayName());
    }
}
