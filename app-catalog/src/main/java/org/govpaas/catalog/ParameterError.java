package org.govpaas.catalog;

import java.util.List;
import java.util.Objects;

/**
 * One problem with one field of a deploy request, ready to become a field error of an RFC 9457
 * problem detail or a message beside a form field.
 *
 * @param field     the request field, e.g. {@code parameters.title}, {@code instances}
 * @param message   what is wrong, in English, naming the limit that was broken (the API's text)
 * @param code      the message code of the same text in the platform's bundles, e.g.
 *                  {@code catalog.error.maxLength}, so a page can say it in the reader's language
 * @param arguments the values the coded message names (a limit, the allowed values)
 */
public record ParameterError(String field, String message, String code, List<Object> arguments) {

    public ParameterError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(code, "code");
        arguments = List.copyOf(arguments);
    }

    static ParameterError of(String field, String code, String message, Object... arguments) {
        return new ParameterError(field, message, "catalog.error." + code, List.of(arguments));
    }
}
