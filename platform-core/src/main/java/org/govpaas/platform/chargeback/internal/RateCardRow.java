package org.govpaas.platform.chargeback.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** A rate card row without its tier multipliers. */
public record RateCardRow(long id, LocalDate validFrom, BigDecimal vcpuHour, BigDecimal memoryGibHour,
                          BigDecimal storageGibMonth, BigDecimal thousandRequests, BigDecimal taxRate,
                          String createdBy, Instant createdAt) {
}
