package org.govpaas.platform.chargeback.web;

import org.govpaas.platform.chargeback.BudgetService;
import org.govpaas.platform.chargeback.Rating;
import org.springframework.stereotype.Component;

/**
 * The deploy form's monthly estimate, called from its template ({@code @costEstimates}) so the
 * apps module needs no knowledge of prices. The same {@link Rating} as the bill.
 */
@Component("costEstimates")
public class CostEstimates {

    private final BudgetService budgets;

    CostEstimates(BudgetService budgets) {
        this.budgets = budgets;
    }

    /** The estimate for the form's values; null when they are not whole numbers or nothing is priced. */
    public Rating.Totals monthly(String instances, String memoryMb, String isolation) {
        try {
            int count = Integer.parseInt(instances == null ? "" : instances.strip());
            int memory = Integer.parseInt(memoryMb == null ? "" : memoryMb.strip());
            if (count < 0 || count > 1000 || memory < 0 || memory > 1 << 20) {
                return null;
            }
            return budgets.estimate(isolation == null || isolation.isBlank() ? null : isolation, count, memory).orElse(null);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
