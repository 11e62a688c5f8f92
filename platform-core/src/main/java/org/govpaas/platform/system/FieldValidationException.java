package org.govpaas.platform.system;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Rules bean validation cannot express (a name already taken, a quota exceeded, parameters
 * failing a template's schema): field to message, reported as 400 with field errors.
 */
public class FieldValidationException extends RuntimeException {
    private final Map<String, String> errors;

    public FieldValidationException(String field, String message) {
        this(Map.of(field, message));
    }

    public FieldValidationException(Map<String, String> errors) {
        super(String.join("; ", errors.values()));
        this.errors = new LinkedHashMap<>(errors);
    }

    /** The first field, for callers that show one error. */
    public String field() {
        return errors.keySet().iterator().next();
    }

    public Map<String, String> errors() {
        return Map.copyOf(errors);
    }
}
