package org.govpaas.apps.permits.form;

import java.util.Locale;

/**
 * One field of the application form.
 *
 * @param name      the stable key answers are stored under (letters and digits)
 * @param labelZh   the label shown in Chinese
 * @param labelEn   the label shown in English
 * @param kind      what it holds
 * @param required  an application cannot be submitted without it
 * @param maxLength the most characters an answer may have
 */
public record FieldDefinition(String name, String labelZh, String labelEn, FieldKind kind, boolean required,
                              int maxLength) {

    /** The label in the reader's language: English for English readers, Chinese otherwise. */
    public String label(Locale locale) {
        return "en".equals(locale.getLanguage()) ? labelEn : labelZh;
    }

    /** The HTML input type of a single-line field. */
    public String inputType() {
        return switch (kind) {
            case DATE -> "date";
            case EMAIL -> "email";
            case PHONE -> "tel";
            default -> "text";
        };
    }

    /** The autocomplete token that lets a browser fill the field in (WCAG 1.3.5), or null. */
    public String autocomplete() {
        return switch (kind) {
            case EMAIL -> "email";
            case PHONE -> "tel";
            default -> null;
        };
    }
}
