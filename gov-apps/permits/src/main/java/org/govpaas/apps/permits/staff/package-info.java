/**
 * The department's back office under {@code /staff/**} (the app kit admits only staff of the
 * app's own department): the review queue, an application with its documents and full history
 * (with officers' names), the transitions, and the audit trail of every staff action.
 */
package org.govpaas.apps.permits.staff;
