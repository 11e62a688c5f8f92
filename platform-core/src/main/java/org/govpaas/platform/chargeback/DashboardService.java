package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.govpaas.identity.adapter.Caller;
import org.govpaas.platform.chargeback.internal.ChargebackMapper;
import org.govpaas.platform.chargeback.internal.StatementRow;
import org.govpaas.platform.department.Department;
import org.govpaas.platform.department.DepartmentService;
import org.govpaas.platform.metering.MeteringProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Builds the IT office's dashboard from the same statements the departments see. */
@Service
public class DashboardService {

    static final int TREND_MONTHS = 6;
    static final int TOP_APPS = 10;

    private final StatementService statements;
    private final DepartmentService departments;
    private final ChargebackMapper mapper;
    private final MeteringProperties metering;

    DashboardService(StatementService statements, DepartmentService departments, ChargebackMapper mapper,
                     MeteringProperties metering) {
        this.statements = statements;
        this.departments = departments;
        this.mapper = mapper;
        this.metering = metering;
    }

    @Transactional(readOnly = true)
    public Dashboard dashboard(Caller caller, YearMonth period) {
        List<Statement> month = statements.allDepartments(caller, period);
        Instant from = period.atDay(1).atStartOfDay(metering.zone()).toInstant();
        Instant to = period.plusMonths(1).atDay(1).atStartOfDay(metering.zone()).toInstant();
        Map<Long, BigDecimal> efficiency = new HashMap<>();
        mapper.efficiencyAllDepartments(from, to).forEach(row -> efficiency.put(
                ((Number) row.get("department_id")).longValue(), (BigDecimal) row.get("efficiency")));
        Map<String, Department> byCode = new HashMap<>();
        departments.list(caller).forEach(d -> byCode.put(d.code(), d));

        List<Dashboard.DepartmentCost> costs = new ArrayList<>();
        List<Dashboard.AppCost> apps = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        for (Statement s : month) {
            Department d = byCode.get(s.department());
            costs.add(new Dashboard.DepartmentCost(s, Budget.of(s.department(), s.period(), d.monthlyBudget(), s.total()),
                    efficiency.get(d.id())));
            total = total.add(s.total());
            Map<String, BigDecimal> perApp = new LinkedHashMap<>();
            s.lines().stream().filter(l -> l.app() != null)
                    .forEach(l -> perApp.merge(l.app(), l.amount(), BigDecimal::add));
            perApp.forEach((app, amount) -> apps.add(new Dashboard.AppCost(s.department(), app, amount)));
        }
        costs.sort(Comparator.comparing((Dashboard.DepartmentCost c) -> c.statement().total()).reversed());
        apps.sort(Comparator.comparing(Dashboard.AppCost::amount).reversed());

        List<Dashboard.MonthTotal> trend = new ArrayList<>();
        for (int back = TREND_MONTHS - 1; back >= 1; back--) {
            YearMonth earlier = period.minusMonths(back);
            trend.add(new Dashboard.MonthTotal(earlier.toString(), statements.allDepartments(caller, earlier).stream()
                    .map(Statement::total).reduce(BigDecimal.ZERO, BigDecimal::add)));
        }
        trend.add(new Dashboard.MonthTotal(period.toString(), total));

        List<Statement> queue = new ArrayList<>();
        for (StatementRow row : mapper.findOpenReviewsAllDepartments()) {
            queue.add(statements.statement(byCode.get(row.departmentCode()), YearMonth.parse(row.period())));
        }
        boolean closed = mapper.isClosed(period.toString());
        return new Dashboard(period.toString(), closed, !closed && period.isBefore(statements.currentMonth()),
                costs, trend, apps.subList(0, Math.min(TOP_APPS, apps.size())), queue, total);
    }
}
