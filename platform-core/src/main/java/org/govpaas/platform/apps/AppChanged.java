package org.govpaas.platform.apps;

/**
 * A developer changed an app: deployed, scaled, upgraded, stopped, started, restarted or asked
 * for it to be deleted. {@code detail} says what, in words for the audit log.
 */
public record AppChanged(long departmentId, String departmentCode, String app, String actor, String action,
                         String detail) {
}
