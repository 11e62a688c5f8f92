/**
 * The append-only audit log: who did what to which department, and when. Entries are written in
 * the same transaction as the change they describe (a rolled-back change leaves no entry, a
 * committed one always has its entry), and the database refuses updates and deletes.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.govpaas.platform.audit;
