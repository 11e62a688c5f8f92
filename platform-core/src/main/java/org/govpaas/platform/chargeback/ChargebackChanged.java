package org.govpaas.platform.chargeback;

/**
 * Something happened to the bills: a rate card created, a month closed, a statement approved,
 * disputed or resolved, a budget overrun approved. {@code departmentCode} is null for
 * platform-wide steps; {@code detail} says what, for the audit log.
 */
public record ChargebackChanged(String actor, String action, String departmentCode, String detail) {
}
