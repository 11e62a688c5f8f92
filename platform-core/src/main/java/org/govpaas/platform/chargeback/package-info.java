/**
 * Chargeback: what each department pays for what it used. Dated rate cards (from the 1st of a
 * month) price the metered samples: allocated vCPU and memory are billed, storage and requests by
 * use, with a multiplier per isolation tier and a tax rate; actual CPU use is shown beside the bill
 * as efficiency. Samples are aggregated in PostgreSQL and rated by one pure function, {@link
 * org.govpaas.platform.chargeback.Rating}, which also prices the deploy form's estimate. The IT
 * office closes a month into statements the database keeps immutable; the department approves or
 * disputes, and a dispute is resolved with an adjustment line, never an edit. Budgets warn at 80%
 * and 100% and stop deploys that would overrun them unless a platform admin makes the change.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Chargeback")
package org.govpaas.platform.chargeback;
