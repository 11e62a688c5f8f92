package org.govpaas.platform.system;

/** A rule on one field that bean validation cannot express (e.g. a name already taken). */
public class FieldValidationException extends RuntimeException {
    private final String field;

    public FieldValidationException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
