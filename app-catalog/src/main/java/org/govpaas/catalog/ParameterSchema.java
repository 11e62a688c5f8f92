package org.govpaas.catalog;

import com.fasterxml.jackson.annotation.JsonValue;
import com.networknt.schema.Schema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;

/**
 * The parameters a template version accepts: a JSON Schema (draft 2020-12) object of scalar
 * properties. It is the single path every deploy request's {@code parameters} goes through,
 * whether they came as JSON from the API or as strings from the console form (via
 * {@link #coerce(Map)}), and the source of the form's fields.
 *
 * <p>Validation only compares values with the schema's limits: a value is never interpreted,
 * so {@code <script>} or {@code ' OR 1=1 --} is plain text that passes when within its length.
 * Whoever renders or stores it must escape or bind it as usual.
 *
 * <p>Instances are immutable and safe to share between threads.
 */
public final class ParameterSchema {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    /** Control characters but a tab and line breaks. */
    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\t\\n\\r]]");

    private final JsonNode node;
    private final Schema schema;
    private final List<ParameterField> fields;

    /** Only for schemas that passed {@link SchemaRules}; the loader makes sure of that. */
    ParameterSchema(JsonNode node) {
        this.node = node.deepCopy();
        this.schema = JsonSchemas.compile(this.node);
        Set<String> required = new HashSet<>();
        this.node.path("required").forEach(name -> required.add(name.asString()));
        List<ParameterField> derived = new ArrayList<>();
        this.node.path("properties").properties().forEach(property -> derived.add(
                ParameterField.of(property.getKey(), property.getValue(),
                        required.contains(property.getKey()))));
        this.fields = List.copyOf(derived);
    }

    /** The form's fields, in the order the template declares them. */
    public List<ParameterField> fields() {
        return fields;
    }

    /** The field with this name, or empty when the template has no such parameter. */
    public Optional<ParameterField> field(String name) {
        return fields.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /**
     * Checks a deploy request's parameters, usually after {@link #withDefaults(Map)}.
     *
     * @param parameters values as they came from JSON (String, Number, Boolean, ...) or from
     *                   {@link #coerce(Map)}; null counts as empty
     * @return every problem, each with a field like {@code parameters.title}; empty when valid
     */
    public List<ParameterError> validate(Map<String, ?> parameters) {
        Map<String, ?> values = parameters == null ? Map.of() : parameters;
        JsonNode instance = JsonSchemas.JSON.valueToTree(values);
        List<ParameterError> errors = new ArrayList<>(SchemaErrors.toParameterErrors(schema.validate(instance), "parameters"));
        // Values become environment variables and are stored as jsonb: neither can hold a NUL, and
        // no setting needs a control character other than a tab or a line break.
        values.forEach((name, value) -> {
            String field = "parameters." + name;
            if (value instanceof String text && CONTROL.matcher(text).find()
                    && errors.stream().noneMatch(e -> e.field().equals(field))) {
                errors.add(ParameterError.of(field, "controlCharacter", "must not contain control characters"));
            }
        });
        return List.copyOf(errors);
    }


    /**
     * The parameters with the schema's default filled in for every parameter left out. A value
     * that is present (even null or empty) is kept as it is. The input is not changed.
     */
    public Map<String, Object> withDefaults(Map<String, ?> parameters) {
        Map<String, Object> result = new LinkedHashMap<>();
        for (ParameterField field : fields) {
            if (field.defaultValue() != null) {
                result.put(field.name(), field.defaultValue());
            }
        }
        if (parameters != null) {
            result.putAll(parameters);
        }
        return Collections.unmodifiableMap(result);
    }

    /**
     * Turns form values (always strings) into the types the schema declares, so that a form
     * submission then goes through {@link #validate(Map)} exactly like an API request.
     *
     * <p>A blank number is left out (so its default applies); a checkbox is {@code true} for
     * "true" or "on" and {@code false} for "false", "off" or blank. Strings, enum values and
     * names the schema does not know are passed on unchanged, for {@code validate} to judge.
     */
    public Coerced coerce(Map<String, String> form) {
        return FormCoercion.coerce(fields, form == null ? Map.of() : form);
    }

    /**
     * The result of {@link #coerce(Map)}.
     *
     * @param values typed values of every field that could be converted
     * @param errors one per field that could not be, e.g. {@code parameters.count}: "must be a
     *               whole number"
     */
    public record Coerced(Map<String, Object> values, List<ParameterError> errors) {

        public Coerced {
            values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
            errors = List.copyOf(errors);
        }
    }

    /** The schema as a JSON-shaped map (how the REST API shows it), a fresh copy each time. */
    @JsonValue
    public Map<String, Object> asMap() {
        return JsonSchemas.JSON.convertValue(node, MAP);
    }

    /** The schema as JSON text. */
    public String toJson() {
        return JsonSchemas.JSON.writeValueAsString(node);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ParameterSchema that && node.equals(that.node);
    }

    @Override
    public int hashCode() {
        return node.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
