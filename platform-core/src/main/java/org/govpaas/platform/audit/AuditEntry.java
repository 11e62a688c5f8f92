package org.govpaas.platform.audit;

import java.time.Instant;

/**
 * One line of the audit log. {@code departmentCode} is null for platform-wide actions, such as
 * a platform admin signing in.
 */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String departmentCode,
                         String detail) {
}
