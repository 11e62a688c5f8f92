package org.govpaas.catalog;

import java.util.Locale;
import java.util.Objects;

/**
 * A text users read in both languages of the platform. Both are always present (possibly empty,
 * never null), so a page never falls back to the other language by accident.
 */
public record LocalizedText(String zh, String en) {

    public LocalizedText {
        Objects.requireNonNull(zh, "zh");
        Objects.requireNonNull(en, "en");
    }

    /** Chinese for any Chinese locale, English for every other. */
    public String in(Locale locale) {
        return "zh".equals(locale.getLanguage()) ? zh : en;
    }
}
