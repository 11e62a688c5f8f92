package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.util.List;

/**
 * The IT office's view of one month: cost per department by component, the trend of the months
 * before, the most expensive apps, efficiency and the statements waiting for review.
 */
public record Dashboard(String period, boolean closed, boolean closable, List<DepartmentCost> departments,
                        List<MonthTotal> trend, List<AppCost> topApps, List<Statement> queue, BigDecimal total) {

    /** @param efficiency CPU used / vCPU allocated in the month; null when nothing was measured */
    public record DepartmentCost(Statement statement, Budget budget, BigDecimal efficiency) {
    }

    public record MonthTotal(String period, BigDecimal total) {
    }

    public record AppCost(String department, String app, BigDecimal amount) {
    }
}
