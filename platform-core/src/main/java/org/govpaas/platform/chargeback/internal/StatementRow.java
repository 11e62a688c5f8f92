package org.govpaas.platform.chargeback.internal;

import java.math.BigDecimal;
import java.time.Instant;

/** A closed statement as issued, with its review status (ISSUED, DISPUTED or FINAL). */
public record StatementRow(long id, long departmentId, String departmentCode, String period, Long rateCardId,
                           BigDecimal taxRate, BigDecimal subtotal, BigDecimal tax, BigDecimal total, String issuedBy,
                           Instant issuedAt, String status) {
}
