package org.govpaas.platform.chargeback.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.chargeback.Budget;
import org.govpaas.platform.chargeback.BudgetService;
import org.govpaas.platform.chargeback.Statement;
import org.govpaas.platform.chargeback.StatementPdf;
import org.govpaas.platform.chargeback.StatementReviews;
import org.govpaas.platform.chargeback.StatementService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Statements", description = "Monthly chargeback statements, their review and the month's close")
class StatementApiController {

    static final String DEPT = "/api/v1/departments/{dept}";

    private final StatementService statements;
    private final StatementReviews reviews;
    private final BudgetService budgets;
    private final StatementPdf pdf;

    StatementApiController(StatementService statements, StatementReviews reviews, BudgetService budgets, StatementPdf pdf) {
        this.statements = statements;
        this.reviews = reviews;
        this.budgets = budgets;
        this.pdf = pdf;
    }

    /** A comment with a department's answer; an amount (CNY before tax) with the IT office's resolution. */
    record ReviewRequest(String comment, BigDecimal amount) {
    }

    @GetMapping(DEPT + "/statements")
    @Operation(summary = "The department's statements, the current month's (OPEN, so far) first")
    List<Statement> list(Caller caller, @PathVariable("dept") String dept) {
        return statements.statements(caller, dept);
    }

    @GetMapping(DEPT + "/statements/{period}")
    @Operation(summary = "The department's statement of a month (yyyy-MM): lines, subtotal, tax, total, review")
    Statement get(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period) {
        return statements.statement(caller, dept, Periods.inPath(period));
    }

    @GetMapping(DEPT + "/statements/{period}.csv")
    @Operation(summary = "The statement as CSV")
    ResponseEntity<byte[]> csv(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period) {
        return Exports.csv(statements.statement(caller, dept, Periods.inPath(period)));
    }

    @GetMapping(DEPT + "/statements/{period}.pdf")
    @Operation(summary = "The statement as PDF")
    ResponseEntity<byte[]> pdf(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period,
                               Locale locale) {
        return Exports.pdf(pdf, statements.statement(caller, dept, Periods.inPath(period)), locale);
    }

    @PostMapping(DEPT + "/statements/{period}/approve")
    @Operation(summary = "The department's admin approves an issued statement: FINAL")
    Statement approve(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period,
                      @RequestBody(required = false) ReviewRequest request) {
        return reviews.approve(caller, dept, Periods.inPath(period), request == null ? null : request.comment());
    }

    @PostMapping(DEPT + "/statements/{period}/dispute")
    @Operation(summary = "The department's admin disputes an issued statement, saying why")
    Statement dispute(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period,
                      @RequestBody(required = false) ReviewRequest request) {
        return reviews.dispute(caller, dept, Periods.inPath(period), request == null ? null : request.comment());
    }

    @PostMapping(DEPT + "/statements/{period}/resolve")
    @Operation(summary = "The IT office resolves a dispute with an adjustment line (negative for a credit): FINAL")
    Statement resolve(Caller caller, @PathVariable("dept") String dept, @PathVariable("period") String period,
                      @RequestBody(required = false) ReviewRequest request) {
        return reviews.resolve(caller, dept, Periods.inPath(period), request == null ? null : request.amount(),
                request == null ? null : request.comment());
    }

    @GetMapping(DEPT + "/budget")
    @Operation(summary = "The current month's bill so far against the department's monthly budget")
    Budget budget(Caller caller, @PathVariable("dept") String dept) {
        return budgets.budget(caller, dept);
    }

    @GetMapping("/api/v1/statements")
    @Operation(summary = "Every department's statement of a month (IT office and platform admins)")
    List<Statement> all(Caller caller, @RequestParam(name = "period", required = false) String period) {
        return statements.allDepartments(caller, period == null ? statements.currentMonth() : Periods.inField(period));
    }

    @PostMapping("/api/v1/statements/{period}/close")
    @Operation(summary = "The IT office closes an ended month: every department's statement is ISSUED, immutable")
    Map<String, Object> close(Caller caller, @PathVariable("period") String period) {
        boolean closedNow = statements.close(caller, Periods.inField(period));
        return Map.of("period", period, "closedNow", closedNow);
    }
}
