package org.govpaas.platform.metering.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.metering.UsageService;
import org.govpaas.platform.system.FieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** A department's usage in the console: allocated beside used per app, and the gaps. */
@Controller
class UsageConsoleController {

    static final String PAGE = "metering/usage";

    private final UsageService usage;
    private final DepartmentService departments;
    private final MessageSource messages;

    UsageConsoleController(UsageService usage, DepartmentService departments, MessageSource messages) {
        this.usage = usage;
        this.departments = departments;
        this.messages = messages;
    }

    @GetMapping("/console/departments/{dept}/usage")
    String usage(Caller caller, @PathVariable("dept") String dept,
                 @RequestParam(name = "from", required = false) String from,
                 @RequestParam(name = "to", required = false) String to, Locale locale, Model model) {
        model.addAttribute("department", departments.get(caller, dept));
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        try {
            model.addAttribute("report", usage.usage(caller, dept, date(from, "from"), date(to, "to")));
        } catch (FieldValidationException e) {
            model.addAttribute("rangeError", e.errors(messages, locale).values().iterator().next());
            model.addAttribute("report", usage.usage(caller, dept, null, null));
        }
        return PAGE;
    }

    private static LocalDate date(String text, String field) {
        try {
            return text == null || text.isBlank() ? null : LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw FieldValidationException.coded(field, "usage.range.date", "Enter a date as yyyy-MM-dd.");
        }
    }
}
