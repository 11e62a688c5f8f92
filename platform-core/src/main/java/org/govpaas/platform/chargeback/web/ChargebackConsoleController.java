package org.govpaas.platform.chargeback.web;

import java.time.YearMonth;
import java.util.Locale;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.chargeback.DashboardService;
import org.govpaas.platform.chargeback.StatementService;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.FieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The chargeback entry of the console: the IT office's (and platform admins') dashboard; anybody
 * else is taken to their department's statements.
 */
@Controller
class ChargebackConsoleController {

    static final String DASHBOARD = "chargeback/dashboard";

    private final DashboardService dashboards;
    private final StatementService statements;
    private final DepartmentService departments;
    private final MessageSource messages;

    ChargebackConsoleController(DashboardService dashboards, StatementService statements, DepartmentService departments,
                                MessageSource messages) {
        this.dashboards = dashboards;
        this.statements = statements;
        this.departments = departments;
        this.messages = messages;
    }

    @GetMapping("/console/chargeback")
    String dashboard(Caller caller, @RequestParam(name = "period", required = false) String period, Model model) {
        if (!caller.seesAllDepartments()) {
            return departments.list(caller).stream().findFirst()
                    .map(d -> "redirect:/console/departments/" + d.code() + "/statements").orElse("redirect:/console");
        }
        YearMonth month = period == null || period.isBlank() ? statements.currentMonth() : Periods.inPath(period);
        model.addAttribute("dashboard", dashboards.dashboard(caller, month));
        model.addAttribute("canClose", caller.isItOffice());
        return DASHBOARD;
    }

    @PostMapping("/console/chargeback/close")
    String close(Caller caller, @RequestParam(name = "period", required = false) String period, Locale locale,
                 RedirectAttributes redirect) {
        try {
            boolean closedNow = statements.close(caller, Periods.inField(period));
            redirect.addFlashAttribute("notice", closedNow ? "chargeback.closed" : "chargeback.alreadyClosed");
        } catch (FieldValidationException e) {
            redirect.addFlashAttribute("closeError", e.errors(messages, locale).values().iterator().next());
        }
        return "redirect:/console/chargeback?period=" + (period == null ? "" : period.replaceAll("[^0-9-]", ""));
    }
}
