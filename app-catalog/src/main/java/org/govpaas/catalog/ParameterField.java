package org.govpaas.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * One parameter of a template version as the console's deploy form needs it, derived from the
 * version's schema, so the form and the validator can never disagree about a field.
 *
 * @param name         the property name; the request field is {@code parameters.<name>}
 * @param type         how to render and coerce it
 * @param title        label, from {@code x-title-zh} and {@code title}
 * @param description  help text, from {@code x-description-zh} and {@code description}; empty
 *                     strings when the schema has none
 * @param required     the deploy request must carry it (after defaults are applied)
 * @param defaultValue String, Long, BigDecimal or Boolean as the type says, or null for none
 * @param minimum      for INTEGER and NUMBER, or null
 * @param maximum      for INTEGER and NUMBER, or null
 * @param minLength    for STRING, or null
 * @param maxLength    for STRING (always present there), or null
 * @param enumValues   for ENUM the allowed values in schema order; empty otherwise
 */
public record ParameterField(String name, Type type, LocalizedText title, LocalizedText description,
                             boolean required, Object defaultValue, BigDecimal minimum,
                             BigDecimal maximum, Integer minLength, Integer maxLength,
                             List<String> enumValues) {

    /** The kinds of field the form renders; a string with {@code enum} is an ENUM. */
    public enum Type { STRING, INTEGER, NUMBER, BOOLEAN, ENUM }

    public ParameterField {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(description, "description");
        enumValues = List.copyOf(enumValues);
    }

    /** Derives the field from a property schema that already passed {@link SchemaRules}. */
    static ParameterField of(String name, JsonNode property, boolean required) {
        Type type = property.has("enum") ? Type.ENUM
                : Type.valueOf(property.get("type").stringValue().toUpperCase(Locale.ROOT));
        List<String> enumValues = new ArrayList<>();
        if (property.has("enum")) {
            property.get("enum").forEach(v -> enumValues.add(v.stringValue()));
        }
        return new ParameterField(name, type,
                new LocalizedText(property.path(JsonSchemas.TITLE_ZH).asString(""),
                        property.path("title").asString("")),
                new LocalizedText(property.path(JsonSchemas.DESCRIPTION_ZH).asString(""),
                        property.path("description").asString("")),
                required, defaultOf(type, property.get("default")),
                decimal(property.get("minimum")), decimal(property.get("maximum")),
                integer(property.get("minLength")), integer(property.get("maxLength")), enumValues);
    }

    /** The Java value of a JSON scalar, typed as the fields promise; null for null or absent. */
    static Object toJava(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isNumber()) {
            return value.decimalValue();
        }
        return JsonSchemas.JSON.convertValue(value, Object.class);
    }

    // A NUMBER default written as 5 is still a BigDecimal, so the form never sees two types.
    private static Object defaultOf(Type type, JsonNode value) {
        return type == Type.NUMBER && value != null && value.isNumber()
                ? value.decimalValue() : toJava(value);
    }

    private static BigDecimal decimal(JsonNode value) {
        return value == null ? null : value.decimalValue();
    }

    private static Integer integer(JsonNode value) {
        return value == null ? null : value.intValue();
    }
}
