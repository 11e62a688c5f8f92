package org.govpaas.catalog;

import java.util.Objects;

/**
 * One problem with one field of a deploy request, ready to become a field error of an RFC 9457
 * problem detail or a message beside a form field.
 *
 * @param field   the request field, e.g. {@code parameters.title}, {@code instances}
 * @param message what is wrong, in English, naming the limit that was broken
 */
public record ParameterError(String field, String message) {

    public ParameterError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
