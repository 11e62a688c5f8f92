package org.govpaas.apps.hotline.staff;

import java.time.Clock;
import org.govpaas.apps.hotline.HotlineChoices;
import org.govpaas.apps.hotline.ticket.Assignee;
import org.govpaas.apps.hotline.ticket.Ticket;
import org.govpaas.apps.hotline.ticket.TicketService;
import org.govpaas.apps.hotline.web.Actors;
import org.govpaas.apps.hotline.web.PhotoResponses;
import org.govpaas.apps.kit.signin.SignedInUser;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The queue, a ticket's triage, assignment and resolution, and the staff audit trail. */
@Controller
class BackOfficeController {

    static final String QUEUE = "staff/queue";
    static final String TICKET = "staff/ticket";
    static final String AUDIT = "staff/audit";
    static final int LIST_LIMIT = 200;

    private final TicketService tickets;
    private final StaffMemberMapper staffMembers;
    private final HotlineChoices choices;
    private final Clock clock;

    BackOfficeController(TicketService tickets, StaffMemberMapper staffMembers, HotlineChoices choices, Clock clock) {
        this.tickets = tickets;
        this.staffMembers = staffMembers;
        this.choices = choices;
        this.clock = clock;
    }

    @InitBinder("action")
    void onlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("category", "priority", "assignee", "note");
    }

    /** Opening the queue puts the staff member in the list tickets can be assigned to. */
    @GetMapping({"/staff", "/staff/"})
    String queue(SignedInUser user, Model model) {
        staffMembers.seen(new StaffMember(user.subject(), user.username(), user.displayName()), clock.instant());
        model.addAttribute("queue", tickets.queue(LIST_LIMIT));
        model.addAttribute("done", tickets.done(LIST_LIMIT));
        return QUEUE;
    }

    @GetMapping("/staff/tickets/{number}")
    String ticket(@PathVariable String number, Model model) {
        Ticket ticket = tickets.forStaff(number);
        StaffActionForm action = new StaffActionForm();
        action.setCategory(ticket.category());
        action.setPriority(ticket.priority());
        model.addAttribute("action", action);
        return show(ticket, model);
    }

    @GetMapping("/staff/tickets/{number}/photo")
    ResponseEntity<byte[]> photo(@PathVariable String number) {
        return PhotoResponses.of(tickets.photo(tickets.forStaff(number)));
    }

    @PostMapping("/staff/tickets/{number}/triage")
    String triage(SignedInUser user, @PathVariable String number, @ModelAttribute("action") StaffActionForm action,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        action.checkTriage(choices, errors);
        if (errors.hasErrors()) {
            return show(tickets.forStaff(number), model);
        }
        tickets.triage(Actors.of(user), number, action.getCategory(), action.getPriority());
        return done(number, "TRIAGED", redirect);
    }

    @PostMapping("/staff/tickets/{number}/assign")
    String assign(SignedInUser user, @PathVariable String number, @ModelAttribute("action") StaffActionForm action,
                  BindingResult errors, Model model, RedirectAttributes redirect) {
        StaffMember member = action.staffSubject() == null ? null : staffMembers.find(action.staffSubject());
        action.checkAssignee(choices, member, errors);
        if (errors.hasErrors()) {
            return show(tickets.forStaff(number), model);
        }
        tickets.assign(Actors.of(user), number,
                member != null ? Assignee.staffMember(member.displayName()) : Assignee.team(action.team()));
        return done(number, "ASSIGNED", redirect);
    }

    @PostMapping("/staff/tickets/{number}/resolve")
    String resolve(SignedInUser user, @PathVariable String number, @ModelAttribute("action") StaffActionForm action,
                   BindingResult errors, Model model, RedirectAttributes redirect) {
        action.checkNote(errors);
        if (errors.hasErrors()) {
            return show(tickets.forStaff(number), model);
        }
        tickets.resolve(Actors.of(user), number, action.getNote());
        return done(number, "RESOLVED", redirect);
    }

    @GetMapping("/staff/audit")
    String audit(Model model) {
        model.addAttribute("events", tickets.staffAudit(LIST_LIMIT));
        return AUDIT;
    }

    private String show(Ticket ticket, Model model) {
        model.addAttribute("ticket", ticket);
        model.addAttribute("history", tickets.history(ticket));
        model.addAttribute("staffMembers", staffMembers.all());
        return TICKET;
    }

    private static String done(String number, String what, RedirectAttributes redirect) {
        redirect.addFlashAttribute("done", what);
        return "redirect:/staff/tickets/" + number;
    }
}
