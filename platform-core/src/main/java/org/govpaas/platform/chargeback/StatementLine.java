package org.govpaas.platform.chargeback;

import java.math.BigDecimal;

/**
 * A line of a statement.
 *
 * @param quantity     in {@link Component#unit()}, to six decimals (shown; the amount is computed
 *                     from the exact quantity, not from this rounded one)
 * @param amount       CNY, rounded once, half up to the fen
 * @param usedQuantity what was actually used, in the same unit (vCPU and memory lines), or null
 */
public record StatementLine(Long appId, String app, String isolation, Component component, BigDecimal quantity,
                            String unit, BigDecimal rate, BigDecimal multiplier, BigDecimal amount,
                            BigDecimal usedQuantity, String note) {
}
