package org.govpaas.platform.department;

import java.math.BigDecimal;
import java.time.Instant;

/** A department as stored; {@code monthlyBudget} is in CNY (yuan), exact to the fen. */
public record Department(long id, String code, String nameZh, String nameEn, int maxApps, int maxInstances,
                         int maxMemoryMib, BigDecimal monthlyBudget, Instant createdAt, Instant updatedAt) {

    /** The name in the reader's language: Chinese unless the locale is English. */
    public String name(java.util.Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameZh;
    }
}
