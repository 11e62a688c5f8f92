package org.govpaas.platform.apps.web;

import org.govpaas.platform.system.FieldValidationException;

/** Whole numbers typed into the console's forms. */
final class FormNumbers {

    private FormNumbers() {
    }

    /**
     * @return null for a blank field (the template's default, or "unchanged")
     * @throws FieldValidationException naming {@code field} when the text is not a whole number
     */
    static Integer wholeNumber(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw FieldValidationException.coded(field, "form.wholeNumber", "Enter a whole number.");
        }
    }
}
