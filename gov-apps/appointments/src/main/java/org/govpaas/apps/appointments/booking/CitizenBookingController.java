package org.govpaas.apps.appointments.booking;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.govpaas.apps.appointments.HallSchedule;
import org.govpaas.apps.appointments.slots.Slot;
import org.govpaas.apps.appointments.slots.Slots;
import org.govpaas.apps.kit.signin.SignedInUser;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The citizen's own area: choose a service and a hall, pick a free slot, get the confirmation
 * code; list and cancel one's bookings. Another citizen's booking answers 404, like one that does
 * not exist.
 */
@Controller
class CitizenBookingController {

    static final String CHOOSE = "my/choose";
    static final String PICK_SLOT = "my/slots";
    static final String LIST = "my/bookings";
    static final String DETAIL = "my/booking";

    private final Bookings bookings;
    private final Slots slots;
    private final HallSchedule schedule;
    private final Clock clock;

    CitizenBookingController(Bookings bookings, Slots slots, HallSchedule schedule, Clock clock) {
        this.bookings = bookings;
        this.slots = slots;
        this.schedule = schedule;
        this.clock = clock;
    }

    @InitBinder("form")
    void allowedFields(WebDataBinder binder) {
        binder.setAllowedFields("service", "hall", "date", "slot");
    }

    @ModelAttribute("schedule")
    HallSchedule schedule() {
        return schedule;
    }

    @GetMapping({"/my", "/my/book"})
    String choose(@ModelAttribute("form") BookingForm form) {
        return CHOOSE;
    }

    @GetMapping("/my/book/slots")
    String pickSlot(@ModelAttribute("form") BookingForm form, BindingResult errors, Model model) {
        return checkChoice(form, errors) ? showSlots(form, model) : CHOOSE;
    }

    @PostMapping("/my/bookings")
    String book(SignedInUser citizen, @ModelAttribute("form") BookingForm form, BindingResult errors, Model model,
                RedirectAttributes redirect) {
        if (!checkChoice(form, errors)) {
            return CHOOSE;
        }
        if (errors.hasFieldErrors("slot") || errors.hasFieldErrors("date")) {
            return showSlots(form, model);
        }
        if (form.getSlot() == null) {
            errors.rejectValue("slot", "booking.error.slot-required");
            return showSlots(form, model);
        }
        try {
            Booking booking = bookings.book(citizen.subject(), citizen.displayName(), form.getService(), form.getSlot());
            redirect.addFlashAttribute("justBooked", true);
            return "redirect:/my/bookings/" + booking.code();
        } catch (BookingRefused refused) {
            errors.rejectValue("slot", refused.reason().messageKey());
            return showSlots(form, model);
        }
    }

    @GetMapping("/my/bookings")
    String list(SignedInUser citizen, Model model) {
        model.addAttribute("bookings", bookings.of(citizen.subject()));
        return LIST;
    }

    @GetMapping("/my/bookings/{code}")
    String detail(SignedInUser citizen, @PathVariable String code, Model model) {
        return showDetail(mine(citizen, code), model);
    }

    @PostMapping("/my/bookings/{code}/cancel")
    String cancel(SignedInUser citizen, @PathVariable String code, Model model, RedirectAttributes redirect) {
        Booking booking = mine(citizen, code);
        try {
            bookings.cancel(citizen.subject(), booking.code());
        } catch (BookingRefused refused) {
            model.addAttribute("cancelError", refused.reason().messageKey());
            return showDetail(booking, model);
        }
        redirect.addFlashAttribute("cancelled", booking.code());
        return "redirect:/my/bookings";
    }

    private String showDetail(Booking booking, Model model) {
        model.addAttribute("booking", booking);
        model.addAttribute("cancellable", booking.cancellableAt(clock.instant()));
        return DETAIL;
    }

    private Booking mine(SignedInUser citizen, String code) {
        return bookings.find(citizen.subject(), code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }

    /** Service and hall must be ones the halls offer; errors are recorded next to the fields. */
    private boolean checkChoice(BookingForm form, BindingResult errors) {
        if (form.getService() == null || schedule.service(form.getService()).isEmpty()) {
            errors.rejectValue("service", "booking.error.service-required");
        }
        if (form.getHall() == null || schedule.hall(form.getHall()).isEmpty()) {
            errors.rejectValue("hall", "booking.error.hall-required");
        }
        return !errors.hasFieldErrors("service") && !errors.hasFieldErrors("hall");
    }

    private String showSlots(BookingForm form, Model model) {
        Map<LocalDate, List<Slot>> days = slots.offered(form.getHall());
        LocalDate day = form.getDate() != null && days.containsKey(form.getDate()) ? form.getDate()
                : days.keySet().stream().filter(d -> days.get(d).stream().anyMatch(s -> s.free() > 0)).findFirst()
                        .orElse(days.keySet().stream().findFirst().orElse(null));
        form.setDate(day);
        model.addAttribute("days", days);
        model.addAttribute("daySlots", day == null ? List.of() : days.get(day));
        return PICK_SLOT;
    }
}
