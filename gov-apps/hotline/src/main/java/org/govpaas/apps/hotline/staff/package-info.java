/**
 * The back office under {@code /staff/**}: the queue, a ticket's triage, assignment and
 * resolution, and the staff audit trail. The app kit admits only staff of the owning department.
 */
package org.govpaas.apps.hotline.staff;
