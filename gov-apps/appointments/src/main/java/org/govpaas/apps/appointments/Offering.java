package org.govpaas.apps.appointments;

import java.util.Locale;

/**
 * A service or a hall as the deploy parameters name it. The Chinese name is its key: it is what
 * bookings and slots store, so they keep their meaning when a redeploy renames the English text.
 */
public record Offering(String key, String english) {

    /** The name a reader of this locale reads; Chinese when there is no English name. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) && !english.isEmpty() ? english : key;
    }
}
