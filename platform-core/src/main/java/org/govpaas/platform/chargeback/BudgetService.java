package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.apps.App;
import org.govpaas.platform.apps.SpendingGuard;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.metering.MeteringProperties;
import org.govpaas.platform.system.FieldValidationException;
import org.govpaas.runtime.AppRuntime;
import org.govpaas.runtime.IsolationTier;
import org.govpaas.runtime.PodOverhead;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly budgets. Warnings compare the month's bill so far with the budget. A deploy, scale-up or
 * start is refused when the monthly estimate of everything the department then runs (the same
 * {@link Rating} as the bill, compute at full allocation) exceeds its budget, unless a platform
 * admin makes the change: their request is the approval, and the audit log says so.
 */
@Service
public class BudgetService implements SpendingGuard {

    private final DepartmentService departments;
    private final StatementService statements;
    private final RateCardService rateCards;
    private final MeteringProperties metering;
    private final AppRuntime runtime;
    private final ApplicationEventPublisher events;

    BudgetService(DepartmentService departments, StatementService statements, RateCardService rateCards,
                  MeteringProperties metering, AppRuntime runtime, ApplicationEventPublisher events) {
        this.departments = departments;
        this.statements = statements;
        this.rateCards = rateCards;
        this.metering = metering;
        this.runtime = runtime;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public Budget budget(Caller caller, String dept) {
        Department department = departments.get(caller, dept);
        YearMonth month = statements.currentMonth();
        return Budget.of(department.code(), month.toString(), department.monthlyBudget(),
                statements.statement(department, month).total());
    }

    /**
     * The monthly estimate of an app of that size in the current month, with the pod overhead of
     * its isolation tier as metering records it; empty without a rate card.
     */
    public Optional<Rating.Totals> estimate(String isolation, int instances, int memoryMb) {
        YearMonth month = statements.currentMonth();
        PodOverhead overhead = isolation == null ? PodOverhead.NONE : runtime.overhead(IsolationTier.fromLabel(isolation));
        return rateCards.inForce(month).map(card -> Rating.monthlyEstimate(card, month, isolation, instances,
                memoryMb + overhead.memoryMib(), metering.cpuMillisPerInstance() + overhead.cpuMillis()));
    }

    @Override
    public void check(Caller caller, Department department, List<App> apps, App replacing, String isolation,
                      int instances, int memoryMb) {
        Optional<Rating.Totals> added = estimate(isolation, instances, memoryMb);
        if (added.isEmpty()) {
            return; // nothing is priced yet
        }
        BigDecimal before = BigDecimal.ZERO;
        BigDecimal after = added.get().total();
        for (App app : apps) {
            if (app.isDeleting() || app.isStopped()) {
                continue;
            }
            BigDecimal cost = estimate(app.isolation(), app.instances(), app.memoryMb()).orElseThrow().total();
            before = before.add(cost);
            if (replacing == null || app.id() != replacing.id()) {
                after = after.add(cost);
            }
        }
        if (after.compareTo(department.monthlyBudget()) <= 0 || after.compareTo(before) <= 0) {
            return; // within budget, or not spending more than now
        }
        if (caller.isPlatformAdmin()) {
            events.publishEvent(new ChargebackChanged(caller.username(), "BUDGET_OVERRUN_APPROVED", department.code(),
                    "monthly estimate " + after.toPlainString() + " CNY over the budget of "
                            + department.monthlyBudget().toPlainString() + " CNY"));
            return;
        }
        throw FieldValidationException.coded("instances", "budget.exceeded",
                "The department's monthly estimate would be " + after.toPlainString() + " CNY, over its budget of "
                        + department.monthlyBudget().toPlainString() + " CNY; ask a platform admin to approve it.",
                after.toPlainString(), department.monthlyBudget().toPlainString());
    }
}
