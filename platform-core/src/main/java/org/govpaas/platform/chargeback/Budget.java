package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A department's month against its budget.
 *
 * @param spent   the current month's statement total so far (tax included)
 * @param percent spent / budget, in whole percent (0 when there is no budget)
 * @param level   OK, WARNING (80 % reached) or EXCEEDED (100 % reached)
 */
public record Budget(String department, String period, BigDecimal budget, BigDecimal spent, int percent, String level) {

    static final int WARNING_PERCENT = 80;

    static Budget of(String department, String period, BigDecimal budget, BigDecimal spent) {
        int percent = budget.signum() == 0 ? (spent.signum() > 0 ? 100 : 0)
                : spent.multiply(BigDecimal.valueOf(100)).divide(budget, 0, RoundingMode.FLOOR).intValue();
        String level = percent >= 100 ? "EXCEEDED" : percent >= WARNING_PERCENT ? "WARNING" : "OK";
        return new Budget(department, period, budget, spent, percent, level);
    }
}
