package org.govpaas.catalog;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every template the platform offers, immutable once loaded. Whether an admin has disabled a
 * template or a version is platform state and lives in platform-core, not here.
 */
public final class Catalog {

    private final Map<String, CatalogTemplate> byId = new LinkedHashMap<>();

    /** @throws IllegalArgumentException when two templates share an id */
    public Catalog(List<CatalogTemplate> templates) {
        templates.stream().sorted(Comparator.comparing(CatalogTemplate::id)).forEach(template -> {
            if (byId.putIfAbsent(template.id(), template) != null) {
                throw new IllegalArgumentException("duplicate template id " + template.id());
            }
        });
    }

    /** The template with this id, or empty: an unknown id is the caller's 404 or field error. */
    public Optional<CatalogTemplate> template(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The version of a template, or empty when either is unknown. */
    public Optional<TemplateVersion> version(String templateId, String version) {
        return template(templateId).flatMap(t -> t.version(version));
    }

    /** Every template, by id. */
    public List<CatalogTemplate> templates() {
        return List.copyOf(byId.values());
    }

    /** The templates of one category, by id. */
    public List<CatalogTemplate> byCategory(Category category) {
        return byId.values().stream().filter(t -> t.category() == category).toList();
    }
}
