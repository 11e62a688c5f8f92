package org.govpaas.platform.chargeback;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;

/** A new rate card as a platform admin submits it; {@link RateCardService#create} checks it. */
public record RateCardDraft(LocalDate validFrom, BigDecimal vcpuHour, BigDecimal memoryGibHour,
                            BigDecimal storageGibMonth, BigDecimal thousandRequests, BigDecimal taxRate,
                            Map<String, BigDecimal> tierMultipliers) {
}
