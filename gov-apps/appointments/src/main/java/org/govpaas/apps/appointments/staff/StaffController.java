package org.govpaas.apps.appointments.staff;

import java.time.Clock;
import java.time.LocalDate;
import org.govpaas.apps.appointments.HallSchedule;
import org.govpaas.apps.appointments.booking.Booking;
import org.govpaas.apps.appointments.booking.BookingRefused;
import org.govpaas.apps.kit.signin.SignedInUser;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The back office (the kit admits only staff of the app's department): the day's schedule of a
 * hall, check-in by confirmation code, cancelling for a citizen, and the record of staff actions.
 */
@Controller
class StaffController {

    static final String SCHEDULE = "staff/schedule";
    static final String AUDIT = "staff/audit";

    private final FrontDesk desk;
    private final HallSchedule schedule;
    private final Clock clock;

    StaffController(FrontDesk desk, HallSchedule schedule, Clock clock) {
        this.desk = desk;
        this.schedule = schedule;
        this.clock = clock;
    }

    @GetMapping("/staff")
    String start() {
        return "redirect:/staff/schedule";
    }

    @GetMapping("/staff/schedule")
    String schedule(@RequestParam(required = false) String hall,
                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                    Model model) {
        return show(hall, date, model);
    }

    @PostMapping("/staff/check-in")
    String checkIn(SignedInUser staff, @RequestParam(defaultValue = "") String code,
                   @RequestParam(required = false) String hall,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                   Model model, RedirectAttributes redirect) {
        try {
            Booking booking = desk.checkIn(code, staff.subject(), staff.displayName());
            // Plain strings: flash attributes live in the session, which is stored in the database.
            redirect.addFlashAttribute("checkedInName", booking.citizenName());
            redirect.addFlashAttribute("checkedInCode", booking.code());
            redirect.addFlashAttribute("checkedInTime", booking.startsAt().atZone(schedule.zone()).toLocalTime().toString());
            redirect.addAttribute("hall", booking.hall());
            redirect.addAttribute("date", booking.startsAt().atZone(schedule.zone()).toLocalDate().toString());
            return "redirect:/staff/schedule";
        } catch (CheckInRefused refused) {
            model.addAttribute("code", code);
            model.addAttribute("codeError", refused.reason().messageKey());
            return show(hall, date, model);
        }
    }

    @PostMapping("/staff/bookings/{code}/cancel")
    String cancel(SignedInUser staff, @PathVariable String code, @RequestParam(required = false) String hall,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  Model model, RedirectAttributes redirect) {
        try {
            Booking booking = desk.cancel(code, staff.subject(), staff.displayName())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
            redirect.addFlashAttribute("cancelledCode", booking.code());
            redirect.addAttribute("hall", booking.hall());
            redirect.addAttribute("date", booking.startsAt().atZone(schedule.zone()).toLocalDate().toString());
            return "redirect:/staff/schedule";
        } catch (BookingRefused refused) {
            model.addAttribute("actionError", refused.reason().messageKey());
            model.addAttribute("actionErrorHref", "#booking-" + code);
            return show(hall, date, model);
        }
    }

    @GetMapping("/staff/audit")
    String audit(Model model) {
        model.addAttribute("actions", desk.audit());
        return AUDIT;
    }

    private String show(String hall, LocalDate date, Model model) {
        String shownHall = hall != null && schedule.hall(hall).isPresent() ? hall : schedule.halls().getFirst().key();
        LocalDate shownDate = date != null ? date : schedule.today(clock);
        model.addAttribute("schedule", schedule);
        model.addAttribute("hall", shownHall);
        model.addAttribute("date", shownDate);
        model.addAttribute("today", schedule.today(clock));
        model.addAttribute("now", clock.instant());
        model.addAttribute("day", desk.day(shownHall, shownDate));
        return SCHEDULE;
    }
}
