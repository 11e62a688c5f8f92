package org.govpaas.apps.appointments;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The public page: what the service is, what it offers, when the halls are open, and the way to book. */
@Controller
class HomeController {

    static final String HOME = "home";

    private final HallSchedule schedule;

    HomeController(HallSchedule schedule) {
        this.schedule = schedule;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("schedule", schedule);
        return HOME;
    }
}
