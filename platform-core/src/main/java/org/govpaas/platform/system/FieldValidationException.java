package org.govpaas.platform.system;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * Rules bean validation cannot express (a name already taken, a quota exceeded, parameters
 * failing a template's schema): field to message, reported as 400 with field errors. Each error
 * may carry a message code, so the console shows it in the reader's language; the API answers
 * with the English default.
 */
public class FieldValidationException extends RuntimeException {
    private final Map<String, DefaultMessageSourceResolvable> errors;

    public FieldValidationException(String field, String message) {
        this(Map.of(field, message));
    }

    public FieldValidationException(Map<String, String> errors) {
        this(uncoded(errors), true);
    }

    private FieldValidationException(Map<String, DefaultMessageSourceResolvable> errors, boolean resolved) {
        super(String.join("; ", errors.values().stream().map(DefaultMessageSourceResolvable::getDefaultMessage).toList()));
        this.errors = new LinkedHashMap<>(errors);
    }

    /** One error with a message code from the bundles and its English default. */
    public static FieldValidationException coded(String field, String code, String englishDefault, Object... args) {
        return new FieldValidationException(Map.of(field, error(code, englishDefault, args)), true);
    }

    /** An error message with a code from the bundles, for {@link #coded(Map)}. */
    public static DefaultMessageSourceResolvable error(String code, String englishDefault, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {code}, args, englishDefault);
    }

    /** Several coded errors at once: field to (code, English default, arguments). */
    public static FieldValidationException coded(Map<String, DefaultMessageSourceResolvable> errors) {
        return new FieldValidationException(errors, true);
    }

    /** The first field, for callers that show one error. */
    public String field() {
        return errors.keySet().iterator().next();
    }

    /** Field to English message, as the API reports them. */
    public Map<String, String> errors() {
        Map<String, String> english = new LinkedHashMap<>();
        errors.forEach((field, error) -> english.put(field, error.getDefaultMessage()));
        return english;
    }

    /** Field to message in {@code locale}, falling back to the English default. */
    public Map<String, String> errors(MessageSource messages, Locale locale) {
        Map<String, String> localized = new LinkedHashMap<>();
        errors.forEach((field, error) -> localized.put(field, messages.getMessage(error, locale)));
        return localized;
    }

    /** Errors that exist in English only. */
    private static Map<String, DefaultMessageSourceResolvable> uncoded(Map<String, String> errors) {
        Map<String, DefaultMessageSourceResolvable> result = new LinkedHashMap<>();
        errors.forEach((field, message) -> result.put(field, new DefaultMessageSourceResolvable(new String[0], message)));
        return result;
    }
}
