package org.govpaas.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Form strings to schema types; see {@link ParameterSchema#coerce(Map)} for the rules. */
final class FormCoercion {

    // Bounded digits: a form value like 1e999999999 must not become a huge number to compare.
    private static final Pattern WHOLE = Pattern.compile("[-+]?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?\\d{1,18}(\\.\\d{1,18})?");

    private FormCoercion() {
    }

    static ParameterSchema.Coerced coerce(List<ParameterField> fields, Map<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<ParameterError> errors = new ArrayList<>();
        Map<String, ParameterField> byName = new LinkedHashMap<>();
        fields.forEach(field -> byName.put(field.name(), field));
        form.forEach((name, raw) -> {
            ParameterField field = byName.get(name);
            if (field == null || raw == null) {
                values.put(name, raw); // validate() reports unknown names with the same message
                return;
            }
            String text = raw.strip();
            String at = "parameters." + name;
            switch (field.type()) {
                case STRING, ENUM -> values.put(name, raw); // text is kept exactly as typed
                case INTEGER -> {
                    if (text.isEmpty()) {
                        return;
                    }
                    if (WHOLE.matcher(text).matches()) {
                        values.put(name, Long.parseLong(text));
                    } else {
                        errors.add(ParameterError.of(at, "wholeNumber", "must be a whole number"));
                    }
                }
                case NUMBER -> {
                    if (text.isEmpty()) {
                        return;
                    }
                    if (DECIMAL.matcher(text).matches()) {
                        values.put(name, new BigDecimal(text));
                    } else {
                        errors.add(ParameterError.of(at, "number", "must be a number"));
                    }
                }
                case BOOLEAN -> {
                    switch (text) {
                        case "true", "on" -> values.put(name, Boolean.TRUE);
                        case "false", "off", "" -> values.put(name, Boolean.FALSE);
                        default -> errors.add(ParameterError.of(at, "boolean", "must be true or false"));
                    }
                }
            }
        });
        return new ParameterSchema.Coerced(values, errors);
    }
}
