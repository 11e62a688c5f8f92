package org.govpaas.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An app departments can deploy from the catalog, with every version ever offered.
 *
 * <p>A template from {@link CatalogLoader} has an {@code id} that is a DNS label and equals its
 * file name, both languages of name and description, and at least one version; versions are
 * distinct and listed oldest first, so {@link #latest()} is the newest.
 *
 * @param id          stable identifier, a DNS label, e.g. {@code notice-board}
 * @param name        what users call it, e.g. 公告栏 / Notice board
 * @param description one or two sentences on what it does, for the catalog page
 * @param category    where the catalog and the citizen portal list it
 * @param versions    every version, oldest first, never empty
 */
public record CatalogTemplate(String id, LocalizedText name, LocalizedText description,
                              Category category, List<TemplateVersion> versions) {

    public CatalogTemplate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(category, "category");
        versions = List.copyOf(versions);
        if (versions.isEmpty()) {
            throw new IllegalArgumentException("a template needs at least one version");
        }
    }

    /** The version with exactly this version string, or empty. */
    public Optional<TemplateVersion> version(String version) {
        return versions.stream().filter(v -> v.version().equals(version)).findFirst();
    }

    /** The newest version: what a deploy request without a version gets. */
    public TemplateVersion latest() {
        return versions.getLast();
    }
}
