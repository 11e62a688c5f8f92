/**
 * The catalog as the platform offers it: the templates of the {@code app-catalog} library
 * (loaded and checked at start-up, an invalid template stops the platform with the file and field
 * named), which platform admins can take out of the catalog, and the one check every deploy goes
 * through (version, size, isolation tier, parameters against the template's schema).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog")
package org.govpaas.platform.catalog;
