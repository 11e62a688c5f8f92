package org.govpaas.catalog;

import com.networknt.schema.Error;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * What a template's {@code parameters} schema must be beyond valid JSON Schema: a flat object of
 * scalar properties the console can render as a form, closed to unknown properties, with a
 * bounded length on every free-text string and defaults that pass the schema themselves.
 *
 * <p>Keywords are allow-listed. Besides keeping form and validator in step, that keeps out
 * {@code $ref}, {@code $id} and foreign {@code $schema} values, so compiling a template's schema
 * never fetches anything.
 */
final class SchemaRules {

    static final int MAX_STRING_LENGTH = 2000;

    private static final Set<String> TOP_KEYWORDS = Set.of("$schema", "type", "title",
            "description", "properties", "required", "additionalProperties");
    private static final Set<String> PROPERTY_KEYWORDS = Set.of("type", "title", "description",
            JsonSchemas.TITLE_ZH, JsonSchemas.DESCRIPTION_ZH, "default", "enum", "minimum",
            "maximum", "minLength", "maxLength");
    private static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean");
    // Parameter names become form field names and request fields; keep them plain.
    private static final Pattern NAME = Pattern.compile("[a-zA-Z][a-zA-Z0-9_]{0,62}");

    private SchemaRules() {
    }

    /** Records every problem of {@code schema} (found at {@code path}); true when there is none. */
    static boolean check(JsonNode schema, String path, Problems problems) {
        int before = problems.size();
        if (schema == null || !schema.isObject()) {
            problems.add(path, "must be a mapping (a JSON Schema of type object)");
            return false;
        }
        for (Error error : JsonSchemas.checkAgainstMetaSchema(schema)) {
            problems.add(path + SchemaErrors.dotted(error.getInstanceLocation()),
                    "not valid JSON Schema: " + error.getMessage());
        }
        if (problems.size() > before) {
            return false; // the rules below assume a well-formed schema
        }
        for (String keyword : schema.propertyNames()) {
            if (!TOP_KEYWORDS.contains(keyword)) {
                problems.add(path + "." + keyword, "keyword not supported in template parameters");
            }
        }
        if (schema.has("$schema") && !JsonSchemas.DRAFT_2020_12.equals(schema.get("$schema").asString())) {
            problems.add(path + ".$schema", "must be " + JsonSchemas.DRAFT_2020_12);
        }
        if (!"object".equals(schema.path("type").asString(""))) {
            problems.add(path + ".type", "must be object");
        }
        JsonNode additional = schema.get("additionalProperties");
        if (additional == null || !additional.isBoolean() || additional.booleanValue()) {
            problems.add(path + ".additionalProperties",
                    "must be false (a deploy request must not carry parameters nobody declared)");
        }
        JsonNode properties = schema.path("properties");
        int index = 0;
        for (JsonNode required : schema.path("required")) {
            if (!properties.has(required.asString())) {
                problems.add(path + ".required[" + index + "]", required + " is not a property");
            }
            index++;
        }
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            checkProperty(property.getKey(), property.getValue(),
                    path + ".properties." + property.getKey(), problems);
        }
        if (problems.size() == before) {
            checkDefaults(properties, path, problems);
        }
        return problems.size() == before;
    }

    private static void checkProperty(String name, JsonNode property, String path, Problems problems) {
        if (!NAME.matcher(name).matches()) {
            problems.add(path, "name must be a letter followed by letters, digits or _ (at most 63)");
        }
        if (!property.isObject()) {
            problems.add(path, "must be a mapping");
            return;
        }
        for (String keyword : property.propertyNames()) {
            if (!PROPERTY_KEYWORDS.contains(keyword)) {
                problems.add(path + "." + keyword, "keyword not supported in template parameters");
            }
        }
        String type = property.path("type").asString("");
        if (!TYPES.contains(type)) {
            problems.add(path + ".type", "must be one of string, integer, number, boolean");
            return;
        }
        for (String label : new String[] {"title", JsonSchemas.TITLE_ZH}) {
            JsonNode text = property.get(label);
            if (text == null || !text.isString() || text.stringValue().isBlank()) {
                problems.add(path + "." + label, "is required (the form shows it as the label)");
            }
        }
        JsonNode descriptionZh = property.get(JsonSchemas.DESCRIPTION_ZH);
        if (descriptionZh != null && !descriptionZh.isString()) {
            problems.add(path + "." + JsonSchemas.DESCRIPTION_ZH, "must be a string");
        }
        boolean string = type.equals("string");
        boolean numeric = type.equals("integer") || type.equals("number");
        onlyFor(string, property, path, problems, "string", "enum", "minLength", "maxLength");
        onlyFor(numeric, property, path, problems, "integer or number", "minimum", "maximum");
        if (string && property.has("enum")) {
            property.get("enum").forEach(value -> {
                if (!value.isString()) {
                    problems.add(path + ".enum", "values must be strings");
                }
            });
        } else if (string) {
            // An enum bounds its own length; free text needs a declared bound.
            JsonNode maxLength = property.get("maxLength");
            if (maxLength == null) {
                problems.add(path + ".maxLength", "is required for text (at most " + MAX_STRING_LENGTH + ")");
            } else if (maxLength.asLong() > MAX_STRING_LENGTH) {
                problems.add(path + ".maxLength", "must be <= " + MAX_STRING_LENGTH);
            }
        }
        lessOrEqual(property, "minLength", "maxLength", path, problems);
        lessOrEqual(property, "minimum", "maximum", path, problems);
    }

    private static void onlyFor(boolean allowed, JsonNode property, String path, Problems problems,
                                String types, String... keywords) {
        for (String keyword : keywords) {
            if (!allowed && property.has(keyword)) {
                problems.add(path + "." + keyword, "only allowed on " + types + " parameters");
            }
        }
    }

    private static void lessOrEqual(JsonNode property, String low, String high, String path,
                                    Problems problems) {
        JsonNode lowValue = property.get(low);
        JsonNode highValue = property.get(high);
        if (lowValue != null && highValue != null
                && lowValue.decimalValue().compareTo(highValue.decimalValue()) > 0) {
            problems.add(path + "." + high, "must be >= " + low + " (" + lowValue + ")");
        }
    }

    /** A default that fails its own schema would make every deploy without that parameter fail. */
    private static void checkDefaults(JsonNode properties, String path, Problems problems) {
        for (Map.Entry<String, JsonNode> property : properties.properties()) {
            JsonNode value = property.getValue().get("default");
            if (value == null) {
                continue;
            }
            for (Error error : JsonSchemas.compile(property.getValue()).validate(value)) {
                problems.add(path + ".properties." + property.getKey() + ".default",
                        SchemaErrors.message(error));
            }
        }
    }
}
