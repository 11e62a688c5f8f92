package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.chargeback.internal.ChargebackMapper;
import org.govpaas.platform.chargeback.internal.StatementRow;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.metering.MeteringProperties;
import org.govpaas.platform.system.FieldValidationException;
import org.govpaas.platform.system.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Statements: the live one of a month not closed yet, the issued ones after the IT office closed
 * the month. A department's statements are read by whoever can see the department (another
 * department's answer not found); every department's, and the close, are the IT office's.
 */
@Service
public class StatementService {

    /** Lines are written in batches of this many rows: one statement per batch, bounded memory. */
    static final int LINE_BATCH = 500;

    private final ChargebackMapper mapper;
    private final DepartmentService departments;
    private final RateCardService rateCards;
    private final MeteringProperties metering;
    private final ApplicationEventPublisher events;

    StatementService(ChargebackMapper mapper, DepartmentService departments, RateCardService rateCards,
                     MeteringProperties metering, ApplicationEventPublisher events) {
        this.mapper = mapper;
        this.departments = departments;
        this.rateCards = rateCards;
        this.metering = metering;
        this.events = events;
    }

    public YearMonth currentMonth() {
        return YearMonth.now(metering.zone());
    }

    @Transactional(readOnly = true)
    public Statement statement(Caller caller, String dept, YearMonth period) {
        Department department = departments.get(caller, dept);
        return statement(department, period);
    }

    /** Months with a statement, newest first, the current (open) month first of all. */
    @Transactional(readOnly = true)
    public List<Statement> statements(Caller caller, String dept) {
        Department department = departments.get(caller, dept);
        List<Statement> result = new ArrayList<>();
        result.add(statement(department, currentMonth()));
        for (String period : mapper.findPeriods(department.id())) {
            result.add(statement(department, YearMonth.parse(period)));
        }
        return result;
    }

    /** Every department's statement of {@code period}: the IT office's and platform admins' view. */
    @Transactional(readOnly = true)
    public List<Statement> allDepartments(Caller caller, YearMonth period) {
        requireAllDepartments(caller);
        List<Statement> result = new ArrayList<>();
        for (Department department : departments.list(caller)) {
            result.add(statement(department, period));
        }
        return result;
    }

    Statement statement(Department department, YearMonth period) {
        if (period.isAfter(currentMonth())) {
            throw new NotFoundException("statement " + period);
        }
        StatementRow row = mapper.findStatement(department.id(), period.toString());
        if (row == null) {
            RateCard card = rateCards.inForce(period).orElse(null);
            List<StatementLine> lines = card == null ? List.of() : rate(department.id(), period, card).getOrDefault(department.id(), List.of());
            BigDecimal taxRate = card == null ? BigDecimal.ZERO : card.taxRate();
            Rating.Totals totals = Rating.totals(lines, taxRate);
            return new Statement(department.code(), department.nameZh(), department.nameEn(), period.toString(),
                    Statement.OPEN, card == null ? null : card.id(), taxRate, lines, totals.subtotal(), totals.tax(),
                    totals.total(), null, null, null, List.of());
        }
        List<StatementLine> lines = mapper.findLines(department.id(), row.id());
        Rating.Totals totals = Rating.totals(lines, row.taxRate());
        return new Statement(department.code(), department.nameZh(), department.nameEn(), row.period(), row.status(),
                row.rateCardId(), row.taxRate(), lines, totals.subtotal(), totals.tax(), totals.total(), row.total(),
                row.issuedBy(), row.issuedAt(), mapper.findReviews(department.id(), row.id()));
    }

    /** The lines of {@code period} per department id (one department or, with null, all). */
    Map<Long, List<StatementLine>> rate(Long departmentId, YearMonth period, RateCard card) {
        Instant from = period.atDay(1).atStartOfDay(metering.zone()).toInstant();
        Instant to = period.plusMonths(1).atDay(1).atStartOfDay(metering.zone()).toInstant();
        long minutesInMonth = period.lengthOfMonth() * 1440L;
        return mapper.monthlyUsage(departmentId, from, to, minutesInMonth).stream()
                .collect(Collectors.groupingBy(MonthlyUsage::departmentId, Collectors.flatMapping(
                        u -> Rating.lines(u, card).stream(), Collectors.toList())));
    }

    /**
     * Issues every department's statement of {@code period}. A month that has not ended, or that no
     * rate card prices, is refused; a month already closed is left exactly as it is.
     *
     * @return true when this call closed the month, false when it was closed already
     */
    @Transactional
    public boolean close(Caller caller, YearMonth period) {
        if (!caller.isItOffice()) {
            throw new AccessDeniedException("the IT office closes months");
        }
        if (!period.isBefore(currentMonth())) {
            throw FieldValidationException.coded("period", "statement.close.notEnded",
                    "The month has not ended yet: it can be closed from the 1st of the next month.");
        }
        Optional<RateCard> card = rateCards.inForce(period);
        if (card.isEmpty()) {
            throw FieldValidationException.coded("period", "statement.close.noRateCard",
                    "No rate card applies to this month: a platform admin must create one first.");
        }
        if (mapper.closeMonth(period.toString(), caller.username()) == 0) {
            return false;
        }
        Map<Long, List<StatementLine>> lines = rate(null, period, card.get());
        for (Department department : departments.list(caller)) {
            issue(caller, department, period, card.get(), lines.getOrDefault(department.id(), List.of()));
        }
        events.publishEvent(new ChargebackChanged(caller.username(), "MONTH_CLOSED", null, period + " closed: "
                + departments.list(caller).size() + " statements issued"));
        return true;
    }

    private void issue(Caller caller, Department department, YearMonth period, RateCard card, List<StatementLine> lines) {
        Rating.Totals totals = Rating.totals(lines, card.taxRate());
        long id = mapper.insertStatement(new StatementRow(0, department.id(), department.code(), period.toString(),
                card.id(), card.taxRate(), totals.subtotal(), totals.tax(), totals.total(), caller.username(), null, null));
        for (int i = 0; i < lines.size(); i += LINE_BATCH) {
            mapper.insertLines(id, department.id(), lines.subList(i, Math.min(lines.size(), i + LINE_BATCH)));
        }
        events.publishEvent(new ChargebackChanged(caller.username(), "STATEMENT_ISSUED", department.code(),
                period + ": total " + totals.total().toPlainString() + " CNY"));
    }

    static void requireAllDepartments(Caller caller) {
        if (!caller.seesAllDepartments()) {
            throw new AccessDeniedException("every department's statements are for the IT office");
        }
    }
}
