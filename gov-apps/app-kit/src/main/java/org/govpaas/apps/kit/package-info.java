/**
 * What every citizen service shares, so each app holds only its own domain: sign-in of citizens
 * and department staff ({@code signin}), the route path, languages and page layout ({@code web}),
 * and defaults a service needs behind the platform's gateway ({@link org.govpaas.apps.kit.KitDefaults}).
 */
package org.govpaas.apps.kit;
