package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A department's bill for one month. {@code status}: OPEN (not closed yet: figures so far, rated
 * live), ISSUED (closed by the IT office), DISPUTED, FINAL. Totals are those of the lines shown,
 * adjustments included: the subtotal is their sum, the tax is rounded once on it.
 *
 * @param issuedTotal the total as issued, before any adjustment (null while open)
 */
public record Statement(String department, String departmentNameZh, String departmentNameEn, String period,
                        String status, Long rateCardId, BigDecimal taxRate, List<StatementLine> lines,
                        BigDecimal subtotal, BigDecimal tax, BigDecimal total, BigDecimal issuedTotal,
                        String issuedBy, Instant issuedAt, List<Review> reviews) {

    public static final String OPEN = "OPEN";
    public static final String ISSUED = "ISSUED";
    public static final String DISPUTED = "DISPUTED";
    public static final String FINAL = "FINAL";

    /** Amount per component, adjustments included, for charts. */
    public BigDecimal amount(Component component) {
        return lines.stream().filter(l -> l.component() == component).map(StatementLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(Rating.MONEY, Rating.ROUNDING);
    }

    /** {@link #amount(Component)} by the component's name, for templates. */
    public BigDecimal amount(String component) {
        return amount(Component.valueOf(component));
    }
}
