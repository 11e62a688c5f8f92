/**
 * The public citizen portal at {@code /}: the list of services citizens can use, in Chinese and
 * English. Services appear here once departments deploy citizen-facing apps.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Citizen portal")
package org.govpaas.platform.portal;
