package org.govpaas.apps.hotline.citizen;

import java.io.IOException;
import org.govpaas.apps.hotline.HotlineChoices;
import org.govpaas.apps.hotline.photo.Photo;
import org.govpaas.apps.hotline.photo.PhotoCheck;
import org.govpaas.apps.hotline.photo.PhotoRefused;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class MyTicketsController {

    static final String LIST = "my/tickets";
    static final String FORM = "my/report";
    static final String TICKET = "my/ticket";
    static final int MAX_REASON = 2000;

    private final TicketService tickets;
    private final PhotoCheck photoCheck;
    private final HotlineChoices choices;

    MyTicketsController(TicketService tickets, PhotoCheck photoCheck, HotlineChoices choices) {
        this.tickets = tickets;
        this.photoCheck = photoCheck;
        this.choices = choices;
    }

    @InitBinder("reportForm")
    void onlyFormFields(WebDataBinder binder) {
        binder.setAllowedFields("category", "district", "address", "description", "photo");
    }

    @GetMapping({"/my", "/my/tickets"})
    String list(SignedInUser user, Model model) {
        model.addAttribute("tickets", tickets.allOwn(Actors.of(user)));
        return LIST;
    }

    @GetMapping("/my/tickets/new")
    String form(Model model) {
        model.addAttribute("reportForm", new ReportForm());
        return showForm(model);
    }

    @PostMapping("/my/tickets")
    String report(SignedInUser user, @ModelAttribute ReportForm reportForm, BindingResult errors, Model model,
                  RedirectAttributes redirect) throws IOException {
        reportForm.check(choices, errors);
        Photo photo = null;
        if (reportForm.hasPhoto()) {
            try {
                photo = photoCheck.check(reportForm.getPhoto().getSize(), reportForm.getPhoto()::getBytes);
            } catch (PhotoRefused refused) {
                errors.rejectValue("photo", "report.photo." + refused.reason().name(),
                        new Object[] {photoCheck.maxSize()}, null);
            }
        }
        if (errors.hasErrors()) {
            return showForm(model);
        }
        Ticket ticket = tickets.report(Actors.of(user), reportForm.toReport(), photo);
        redirect.addFlashAttribute("reported", true);
        return "redirect:/my/tickets/" + ticket.number();
    }

    @GetMapping("/my/tickets/{number}")
    String ticket(SignedInUser user, @PathVariable String number, Model model) {
        Ticket ticket = tickets.own(Actors.of(user), number);
        model.addAttribute("ticket", ticket);
        model.addAttribute("history", tickets.history(ticket));
        return TICKET;
    }

    @GetMapping("/my/tickets/{number}/photo")
    ResponseEntity<byte[]> photo(SignedInUser user, @PathVariable String number) {
        Ticket ticket = tickets.own(Actors.of(user), number);
        return PhotoResponses.of(tickets.photo(ticket));
    }

    @PostMapping("/my/tickets/{number}/confirm")
    String confirm(SignedInUser user, @PathVariable String number, RedirectAttributes redirect) {
        tickets.confirm(Actors.of(user), number);
        redirect.addFlashAttribute("done", "CONFIRMED");
        return "redirect:/my/tickets/" + number;
    }

    @PostMapping("/my/tickets/{number}/reopen")
    String reopen(SignedInUser user, @PathVariable String number, @RequestParam(defaultValue = "") String reason,
                  Model model, RedirectAttributes redirect) {
        if (reason.isBlank() || reason.strip().length() > MAX_REASON) {
            model.addAttribute("reasonError", reason.isBlank() ? "reopen.reason.required" : "reopen.reason.tooLong");
            model.addAttribute("reason", reason);
            return ticket(user, number, model);
        }
        tickets.reopen(Actors.of(user), number, reason);
        redirect.addFlashAttribute("done", "REOPENED");
        return "redirect:/my/tickets/" + number;
    }

    private String showForm(Model model) {
        model.addAttribute("photoMaxSize", photoCheck.maxSize());
        return FORM;
    }
}
