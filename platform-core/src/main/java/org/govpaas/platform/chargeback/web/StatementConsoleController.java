package org.govpaas.platform.chargeback.web;

import java.math.BigDecimal;
import java.util.Locale;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.chargeback.BudgetService;
import org.govpaas.platform.chargeback.StatementPdf;
import org.govpaas.platform.chargeback.StatementReviews;
import org.govpaas.platform.chargeback.StatementService;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.FieldValidationException;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A department's statements in the console, their downloads and their review. */
@Controller
class StatementConsoleController {

    static final String LIST = "chargeback/statements";
    static final String DETAIL = "chargeback/statement";
    static final String BASE = "/console/departments/{dept}/statements";

    private final StatementService statements;
    private final StatementReviews reviews;
    private final BudgetService budgets;
    private final DepartmentService departments;
    private final StatementPdf pdf;
    private final MessageSource messages;

    StatementConsoleController(StatementService statements, StatementReviews reviews, BudgetService budgets,
                               DepartmentService departments, StatementPdf pdf, MessageSource messages) {
        this.statements = statements;
        this.reviews = reviews;
        this.budgets = budgets;
        this.departments = departments;
        this.pdf = pdf;
        this.messages = messages;
    }

    @GetMapping(BASE)
    String list(Caller caller, @PathVariable("dept") String dept, Model model) {
        model.addAttribute("department", departments.get(caller, dept));
        model.addAttribute("statements", statements.statements(caller, dept));
        model.addAttribute("budget", budgets.budget(caller, dept));
        return LIST;
    }

    @GetMapping(BASE + "/{period}")
    String detail(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period, Model model) {
        model.addAttribute("department", departments.get(caller, dept));
        model.addAttribute("statement", statements.statement(caller, dept, Periods.inPath(period)));
        model.addAttribute("canAnswer", reviews.canReview(caller, dept));
        model.addAttribute("canResolve", caller.isItOffice());
        return DETAIL;
    }

    @GetMapping(BASE + "/{period}.csv")
    ResponseEntity<byte[]> csv(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period) {
        return Exports.csv(statements.statement(caller, dept, Periods.inPath(period)));
    }

    @GetMapping(BASE + "/{period}.pdf")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period,
                               Locale locale) {
        return Exports.pdf(pdf, statements.statement(caller, dept, Periods.inPath(period)), locale);
    }

    @PostMapping(BASE + "/{period}/approve")
    String approve(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period,
                   @RequestParam(name = "comment", required = false) String comment, Locale locale,
                   RedirectAttributes redirect) {
        return step(dept, period, locale, redirect, "statement.approved",
                () -> reviews.approve(caller, dept, Periods.inPath(period), comment));
    }

    @PostMapping(BASE + "/{period}/dispute")
    String dispute(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period,
                   @RequestParam(name = "comment", required = false) String comment, Locale locale,
                   RedirectAttributes redirect) {
        return step(dept, period, locale, redirect, "statement.disputed",
                () -> reviews.dispute(caller, dept, Periods.inPath(period), comment));
    }

    @PostMapping(BASE + "/{period}/resolve")
    String resolve(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period,
                   @RequestParam(name = "amount", required = false) String amount,
                   @RequestParam(name = "comment", required = false) String comment, Locale locale,
                   RedirectAttributes redirect) {
        return step(dept, period, locale, redirect, "statement.resolved",
                () -> reviews.resolve(caller, dept, Periods.inPath(period), money(amount), comment));
    }

    /** Runs a review step; a refused one comes back to the statement with the reason. */
    private String step(String dept, String period, Locale locale, RedirectAttributes redirect, String notice,
                        Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (FieldValidationException e) {
            redirect.addFlashAttribute("reviewError", e.errors(messages, locale).values().iterator().next());
        }
        return "redirect:/console/departments/" + dept + "/statements/" + Periods.inPath(period);
    }

    private static BigDecimal money(String amount) {
        try {
            return amount == null || amount.isBlank() ? null : new BigDecimal(amount.strip());
        } catch (NumberFormatException e) {
            return null; // reported as an invalid adjustment
        }
    }
}
