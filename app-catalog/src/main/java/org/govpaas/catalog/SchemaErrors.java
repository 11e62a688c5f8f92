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
            result.add(new ParameterError(field(error, prefix), message(error)));
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

    static String message(Error error) {
        JsonNode limit = error.getSchemaNode();
        String keyword = error.getKeyword() == null ? "" : error.getKeyword();
        return switch (keyword) {
            case "required" -> "is required";
            case "additionalProperties" -> "is not a parameter of this template";
            case "type" -> "must be " + typeName(limit);
            case "maxLength" -> "must be at most " + characters(limit);
            case "minLength" -> "must be at least " + characters(limit);
            case "minimum" -> "must be >= " + limit.asString();
            case "maximum" -> "must be <= " + limit.asString();
            case "enum" -> "must be one of: " + limit.valueStream().map(JsonNode::asString)
                    .collect(Collectors.joining(", "));
            default -> error.getMessage();
        };
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

    private static String typeName(JsonNode expected) {
        String type = expected != null && expected.isString() ? expected.stringValue() : "";
        return switch (type) {
            case "string" -> "text";
            case "integer" -> "a whole number";
            case "number" -> "a number";
            case "boolean" -> "true or false";
            case "object" -> "an object";
            default -> "of type " + expected;
        };
    }
}
