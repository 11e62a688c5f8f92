package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.identity.adapter.DepartmentRole;
import org.govpaas.platform.chargeback.internal.ChargebackMapper;
import org.govpaas.platform.chargeback.internal.StatementRow;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.system.FieldValidationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The review of an issued statement: the department's admin approves it (FINAL) or disputes it
 * with a comment; the IT office resolves a dispute with an adjustment line (FINAL). The database
 * enforces the same order of steps; each step is audited.
 */
@Service
public class StatementReviews {

    static final int MAX_COMMENT = 2000;
    static final BigDecimal MAX_ADJUSTMENT = new BigDecimal("1000000000");

    private final ChargebackMapper mapper;
    private final DepartmentService departments;
    private final StatementService statements;
    private final ApplicationEventPublisher events;

    StatementReviews(ChargebackMapper mapper, DepartmentService departments, StatementService statements,
                     ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.departments = departments;
        this.statements = statements;
        this.events = events;
    }

    public boolean canReview(Caller caller, String dept) {
        return caller.hasRole(dept, DepartmentRole.DEPARTMENT_ADMIN);
    }


    @Transactional
    public Statement approve(Caller caller, String dept, YearMonth period, String comment) {
        return answer(caller, dept, period, "APPROVED", comment == null ? "" : comment.strip());
    }

    @Transactional
    public Statement dispute(Caller caller, String dept, YearMonth period, String comment) {
        String text = comment == null ? "" : comment.strip();
        if (text.isEmpty()) {
            throw FieldValidationException.coded("comment", "statement.comment.missing",
                    "Say what is wrong with the statement.");
        }
        return answer(caller, dept, period, "DISPUTED", text);
    }

    private Statement answer(Caller caller, String dept, YearMonth period, String action, String comment) {
        Department department = departments.get(caller, dept);
        if (!canReview(caller, dept)) {
            throw new AccessDeniedException("the department's admins approve or dispute its statements");
        }
        StatementRow row = locked(department, period, Statement.ISSUED);
        checkComment(comment);
        mapper.insertReview(department.id(), row.id(), action, caller.username(), comment);
        events.publishEvent(new ChargebackChanged(caller.username(), "STATEMENT_" + action, department.code(),
                period + (comment.isEmpty() ? "" : ": " + comment)));
        return statements.statement(department, period);
    }

    /** Adds the adjustment line ({@code amount} CNY before tax, negative for a credit) and makes it FINAL. */
    @Transactional
    public Statement resolve(Caller caller, String dept, YearMonth period, BigDecimal amount, String comment) {
        Department department = departments.get(caller, dept);
        if (!caller.isItOffice()) {
            throw new AccessDeniedException("the IT office resolves disputes");
        }
        StatementRow row = locked(department, period, Statement.DISPUTED);
        String text = comment == null ? "" : comment.strip();
        checkComment(text);
        if (amount == null || amount.stripTrailingZeros().scale() > Rating.MONEY || amount.abs().compareTo(MAX_ADJUSTMENT) >= 0) {
            throw FieldValidationException.coded("amount", "statement.adjustment.invalid",
                    "Enter the adjustment in CNY with at most two decimals, negative for a credit.");
        }
        Statement current = statements.statement(department, period);
        if (current.subtotal().add(amount).signum() < 0) {
            throw FieldValidationException.coded("amount", "statement.adjustment.negative",
                    "The adjustment would make the statement negative.");
        }
        BigDecimal money = amount.setScale(Rating.MONEY, Rating.ROUNDING);
        mapper.insertLines(row.id(), department.id(), List.of(new StatementLine(null, null, null, Component.ADJUSTMENT,
                BigDecimal.ONE, Component.ADJUSTMENT.unit(), BigDecimal.ZERO, BigDecimal.ONE, money, null, text)));
        mapper.insertReview(department.id(), row.id(), "RESOLVED", caller.username(), text);
        events.publishEvent(new ChargebackChanged(caller.username(), "STATEMENT_RESOLVED", department.code(),
                period + ": adjustment " + money.toPlainString() + " CNY" + (text.isEmpty() ? "" : ", " + text)));
        return statements.statement(department, period);
    }

    /** The issued statement under a row lock, refused unless it is in {@code expected} state. */
    private StatementRow locked(Department department, YearMonth period, String expected) {
        StatementRow row = mapper.findStatement(department.id(), period.toString());
        if (row == null) {
            throw FieldValidationException.coded("period", "statement.notIssued", "This month's statement is not issued yet.");
        }
        mapper.lockStatement(department.id(), row.id());
        row = mapper.findStatement(department.id(), period.toString());
        if (!expected.equals(row.status())) {
            throw FieldValidationException.coded("status", "statement.review.state",
                    "The statement is " + row.status() + ": this step is not possible now.", row.status());
        }
        return row;
    }

    private static void checkComment(String comment) {
        if (comment.length() > MAX_COMMENT) {
            throw FieldValidationException.coded("comment", "statement.comment.tooLong", "At most 2000 characters.");
        }
    }
}
