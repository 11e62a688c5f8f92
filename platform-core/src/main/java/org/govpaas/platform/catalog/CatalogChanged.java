package org.govpaas.platform.catalog;

/** A platform admin took a template or version into or out of the catalog. */
public record CatalogChanged(String actor, String templateId, String version, boolean enabled) {
}
