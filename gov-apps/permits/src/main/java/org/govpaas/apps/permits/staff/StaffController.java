package org.govpaas.apps.permits.staff;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpaas.apps.kit.signin.SignedInUser;
import org.govpaas.apps.permits.applications.Actor;
import org.govpaas.apps.permits.applications.Applications;
import org.govpaas.apps.permits.applications.PermitApplication;
import org.govpaas.apps.permits.applications.Reviews;
import org.govpaas.apps.permits.applications.TransitionRefused;
import org.govpaas.apps.permits.form.FieldProblem;
import org.govpaas.apps.permits.form.PermitForm;
import org.govpaas.apps.permits.web.AnswerRow;
import org.govpaas.apps.permits.web.Documents;
import org.govpaas.apps.permits.web.Problems;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
@RequestMapping("/staff")
class StaffController {

    static final String QUEUE = "staff/queue";
    static final String DETAIL = "staff/detail";
    static final String ACTIVITY = "staff/activity";
    private static final int PAGE = 200;

    /** A decision a reviewer posts with a comment. */
    private interface Decision {
        List<FieldProblem> apply(Actor staff, String reference, String comment);
    }

    private final Reviews reviews;
    private final Applications applications;
    private final PermitForm form;
    private final Problems problems;

    StaffController(Reviews reviews, Applications applications, PermitForm form, Problems problems) {
        this.reviews = reviews;
        this.applications = applications;
        this.form = form;
        this.problems = problems;
    }

    @GetMapping({"", "/"})
    String queue(@RequestParam(name = "queue", defaultValue = "OPEN") String queue, SignedInUser user,
                 Locale locale, Model model) {
        Reviews.Queue selected = parse(queue);
        model.addAttribute("permitName", form.name(locale));
        model.addAttribute("queue", selected);
        model.addAttribute("queues", Reviews.Queue.values());
        model.addAttribute("applications", reviews.queue(selected, PAGE));
        model.addAttribute("me", user.subject());
        return QUEUE;
    }

    @GetMapping("/activity")
    String activity(Model model) {
        model.addAttribute("activity", reviews.recentActivity(PAGE));
        return ACTIVITY;
    }

    @GetMapping("/applications/{reference}")
    String detail(@PathVariable String reference, SignedInUser user, Locale locale, Model model) {
        return show(reviews.find(reference), user, Map.of(), null, locale, model);
    }

    @PostMapping("/applications/{reference}/claim")
    String claim(@PathVariable String reference, SignedInUser user, RedirectAttributes redirect) {
        return transition(reference, redirect, () -> reviews.claim(staff(user), reference), "done.claim");
    }

    @PostMapping("/applications/{reference}/take-over")
    String takeOver(@PathVariable String reference, SignedInUser user, RedirectAttributes redirect) {
        return transition(reference, redirect, () -> reviews.takeOver(staff(user), reference), "done.takeOver");
    }

    @PostMapping("/applications/{reference}/request-information")
    String requestInformation(@PathVariable String reference, @RequestParam(defaultValue = "") String comment,
                              SignedInUser user, Locale locale, Model model, HttpServletResponse response,
                              RedirectAttributes redirect) {
        return decide(reference, comment, reviews::requestInformation, "done.requestInformation", user, locale,
                model, response, redirect);
    }

    @PostMapping("/applications/{reference}/approve")
    String approve(@PathVariable String reference, @RequestParam(defaultValue = "") String comment,
                   SignedInUser user, Locale locale, Model model, HttpServletResponse response,
                   RedirectAttributes redirect) {
        return decide(reference, comment, reviews::approve, "done.approve", user, locale, model, response, redirect);
    }

    @PostMapping("/applications/{reference}/reject")
    String reject(@PathVariable String reference, @RequestParam(defaultValue = "") String comment,
                  SignedInUser user, Locale locale, Model model, HttpServletResponse response,
                  RedirectAttributes redirect) {
        return decide(reference, comment, reviews::reject, "done.reject", user, locale, model, response, redirect);
    }

    @GetMapping("/applications/{reference}/attachments/{publicId}")
    ResponseEntity<byte[]> download(@PathVariable String reference, @PathVariable String publicId) {
        return Documents.send(applications.download(reviews.find(reference), publicId));
    }

    private String transition(String reference, RedirectAttributes redirect, Runnable action, String doneKey) {
        try {
            action.run();
            redirect.addFlashAttribute("done", doneKey);
        } catch (TransitionRefused refused) {
            redirect.addFlashAttribute("refused", refused.messageKey());
        }
        return "redirect:/staff/applications/" + reference;
    }

    private String decide(String reference, String comment, Decision decision, String doneKey, SignedInUser user,
                          Locale locale, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        List<FieldProblem> refused;
        try {
            refused = decision.apply(staff(user), reference, comment);
        } catch (TransitionRefused e) {
            redirect.addFlashAttribute("refused", e.messageKey());
            return "redirect:/staff/applications/" + reference;
        }
        if (!refused.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(reviews.find(reference), user, problems.resolve(refused, locale), comment, locale, model);
        }
        redirect.addFlashAttribute("done", doneKey);
        return "redirect:/staff/applications/" + reference;
    }

    private String show(PermitApplication application, SignedInUser user, Map<String, List<String>> errors,
                        String comment, Locale locale, Model model) {
        model.addAttribute("permitName", form.name(locale));
        // Not "application": in templates that name is the servlet context.
        model.addAttribute("permit", application);
        model.addAttribute("answers", AnswerRow.of(form.definition(), application.answers(), locale));
        model.addAttribute("attachments", applications.attachments(application));
        model.addAttribute("history", applications.history(application));
        model.addAttribute("mine", application.isClaimedBy(user.subject()));
        model.addAttribute("errors", errors);
        model.addAttribute("comment", comment);
        return DETAIL;
    }

    private static Reviews.Queue parse(String queue) {
        try {
            return Reviews.Queue.valueOf(queue.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Reviews.Queue.OPEN;
        }
    }

    private static Actor staff(SignedInUser user) {
        return Actor.staff(user.subject(), user.displayName());
    }
}
