package org.govpaas.catalog;

import com.networknt.schema.Error;
import com.networknt.schema.path.NodePath;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;

/**
 * Turns the schema library's errors into field errors users can act on: the field in the
 * request's own words ({@code parameters.title}) and a message naming the broken limit.
 */
final class SchemaErrors {

    private SchemaErrors() {
    }

    static List<ParameterError> toParameterErrors(List<Error> errors, String prefix) {
        List<ParameterError> result = new ArrayList<>();
        for (Error error : errors) {
            result.add(error(field(error, prefix), error));
        }
        return List.copyOf(result);
    }

    /** The field an error is about: the missing or unknown property itself, or where it failed. */
    static String field(Error error, String prefix) {
        String keyword = error.getKeyword();
        String at = prefix + dotted(error.getInstanceLocation());
        if (("required".equals(keyword) || "additionalProperties".equals(keyword))
                && error.getProperty() != null) {
            return at + "." + error.getProperty();
        }
        return at;
    }

    /** The English text and its message code, naming the broken limit. */
    static ParameterError error(String field, Error error) {
        JsonNode limit = error.getSchemaNode();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required" -> ParameterError.of(field, "required", "is required");
            case "additionalProperties" -> ParameterError.of(field, "unknown", "is not a parameter of this template");
            case "type" -> type(field, limit);
            case "maxLength" -> ParameterError.of(field, "maxLength", "must be at most " + characters(limit), limit.asInt());
            case "minLength" -> ParameterError.of(field, "minLength", "must be at least " + characters(limit), limit.asInt());
            case "minimum" -> ParameterError.of(field, "minimum", "must be >= " + limit.asString(), limit.asString());
            case "maximum" -> ParameterError.of(field, "maximum", "must be <= " + limit.asString(), limit.asString());
            case "enum" -> {
                String allowed = limit.valueStream().map(JsonNode::asString).collect(Collectors.joining(", "));
                yield ParameterError.of(field, "enum", "must be one of: " + allowed, allowed);
            }
            default -> ParameterError.of(field, "invalid", error.getMessage(), error.getMessage());
        };
    }

    static String message(Error error) {
        return error(field(error, ""), error).message();
    }

    /** {@code /properties/title/maxLength} as {@code .properties.title.maxLength}; arrays as [i]. */
    static String dotted(NodePath path) {
        StringBuilder result = new StringBuilder();
        for (int i = 0; i < path.getNameCount(); i++) {
            Object element = path.getElement(i);
            if (element instanceof Integer index) {
                result.append('[').append(index).append(']');
            } else {
                result.append('.').append(element);
            }
        }
        return result.toString();
    }

    private static String characters(JsonNode count) {
        return count.asString() + (count.asInt() == 1 ? " character" : " characters");
    }

    private static ParameterError type(String field, JsonNode expected) {
        String type = expected != null && expected.isString() ? expected.stringValue() : "";
        return switch (type) {
            case "string" -> ParameterError.of(field, "text", "must be text");
            case "integer" -> ParameterError.of(field, "wholeNumber", "must be a whole number");
            case "number" -> ParameterError.of(field, "number", "must be a number");
            case "boolean" -> ParameterError.of(field, "boolean", "must be true or false");
            case "object" -> ParameterError.of(field, "object", "must be an object");
            default -> ParameterError.of(field, "invalid", "must be of type " + expected, "type " + expected);
        };
    }
}
