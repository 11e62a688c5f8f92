package org.govpaas.apps.permits.form;

/**
 * Something wrong with one answer or upload, to be shown next to its field and in the error
 * summary in the reader's language.
 *
 * @param field      the form field's name (for uploads: {@code files})
 * @param messageKey the message bundle key
 * @param arguments  the message's arguments, e.g. a limit or {@link Alternatives}; the field's label
 *                   comes first when it is shown
 */
public record FieldProblem(String field, String messageKey, Object... arguments) {
}
