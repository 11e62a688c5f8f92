/**
 * Permit applications and their review: the state machine (who may move an application from
 * which status to which), its history, and the attached documents. Every transition locks the
 * application's row, checks status and claim, and writes the new status and a history row in
 * one transaction, so two reviewers acting at once never both succeed.
 *
 * <p>Decisions: a staff member claims an application before acting on it; acting on an
 * application someone else claimed is refused until they take it over (an explicit, recorded
 * action). After the citizen answers a request for information the application returns to the
 * reviewer who asked. Approved and rejected are final.
 */
package org.govpaas.apps.permits.applications;
