package org.govpaas.platform.apps.web;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.govpaas.catalog.ParameterError;
import org.govpaas.catalog.ParameterSchema;
import org.govpaas.catalog.TemplateVersion;
import org.govpaas.platform.catalog.CatalogService;
import org.springframework.context.MessageSource;

/**
 * What the console's forms for a template version share (deploying one, and changing an app's
 * version or settings): field values as text, the version's defaults, parameters typed by the
 * version's own schema, and showing the form again for another version before anything is done.
 */
final class VersionForm {

    /** Form fields of parameters: {@code param.title} for the parameter {@code title}. */
    static final String PARAM = "param.";
    /**
     * The version the form's limits and parameters were shown for: a form sent with another
     * version chosen is shown again for that one, since each version has its own.
     */
    static final String SHOWN = "shown";

    private VersionForm() {
    }

    /** The version's defaults, as the form's fields hold them. */
    static Map<String, String> defaults(TemplateVersion version) {
        Map<String, String> values = new HashMap<>();
        values.put("version", version.version());
        values.put("instances", String.valueOf(version.instances().defaultValue()));
        values.put("memoryMb", String.valueOf(version.memoryMb().defaultValue()));
        version.parameters().fields().forEach(f -> values.put(PARAM + f.name(),
                f.defaultValue() == null ? "" : String.valueOf(f.defaultValue())));
        return values;
    }

    /** The version of that name among those the form offers. */
    static Optional<TemplateVersion> find(List<TemplateVersion> offered, String versionName) {
        return offered.stream().filter(v -> v.version().equals(versionName)).findFirst();
    }

    /** The form's error for a chosen version it does not offer (unknown, or disabled since). */
    static Map<String, String> notOffered(String chosen, String templateId, MessageSource messages, Locale locale) {
        return Map.of("version", messages.getMessage("catalog.error.noVersion", new Object[] {chosen, templateId}, locale));
    }

    /** Whether the form was shown for another version than the one chosen in it. */
    static boolean switched(Map<String, String> form, TemplateVersion chosen) {
        String shown = form.get(SHOWN);
        return shown != null && !shown.equals(chosen.version());
    }

    /**
     * The form again for {@code chosen}: its defaults, with what was typed in fields it has too
     * and in {@code kept} (fields outside the version, such as the app's name).
     */
    static Map<String, String> forVersion(TemplateVersion chosen, Map<String, String> form, Set<String> kept) {
        Map<String, String> values = defaults(chosen);
        form.forEach((field, value) -> {
            if (values.containsKey(field) || kept.contains(field)) {
                values.put(field, value);
            }
        });
        values.put("version", chosen.version());
        return values;
    }

    /** The {@code param.*} fields typed by the version's schema; what cannot be typed goes to {@code errors}. */
    static Map<String, Object> parameters(TemplateVersion version, Map<String, String> form, Map<String, String> errors,
                                          MessageSource messages, Locale locale) {
        Map<String, String> raw = new LinkedHashMap<>();
        form.forEach((field, value) -> {
            if (field.startsWith(PARAM)) {
                raw.put(field.substring(PARAM.length()), value);
            }
        });
        ParameterSchema.Coerced coerced = version.parameters().coerce(raw);
        for (ParameterError e : coerced.errors()) {
            errors.putIfAbsent(e.field(), messages.getMessage(CatalogService.coded(e), locale));
        }
        return coerced.values();
    }
}
