package org.govpaas.apps.hotline.statistics;

import org.govpaas.apps.hotline.HotlineSettings;
import org.govpaas.apps.hotline.ticket.TicketStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The hotline's public pages: the start page and the anonymised statistics. No sign-in. */
@Controller
class PublicController {

    static final String HOME = "home";
    static final String STATISTICS = "statistics";

    private final StatisticsService statistics;
    private final HotlineSettings settings;

    PublicController(StatisticsService statistics, HotlineSettings settings) {
        this.statistics = statistics;
        this.settings = settings;
    }

    @GetMapping("/")
    String home(Model model) {
        model.addAttribute("targetHours", settings.targetResolutionHours());
        return HOME;
    }

    /** Any other {@code days} than 30 or 90 shows the last 30 days: the page never fails on a typo. */
    @GetMapping("/statistics")
    String statistics(@RequestParam(defaultValue = "30") String days, Model model) {
        Period period = days.matches("\\d{1,3}") ? Period.ofDays(Integer.parseInt(days)).orElse(Period.LAST_30_DAYS)
                : Period.LAST_30_DAYS;
        model.addAttribute("period", period);
        model.addAttribute("periods", Period.values());
        model.addAttribute("statuses", TicketStatus.values());
        model.addAttribute("figures", statistics.figures(period));
        model.addAttribute("threshold", Shown.THRESHOLD);
        model.addAttribute("targetHours", settings.targetResolutionHours());
        return STATISTICS;
    }
}
