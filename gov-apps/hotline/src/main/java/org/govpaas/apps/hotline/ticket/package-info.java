/**
 * Tickets: what a citizen reported, where it is in its life (the state machine in
 * {@link org.govpaas.apps.hotline.ticket.Action}), and every transition with who and when. A
 * ticket is read by its owner or by staff only; the number is for talking about it, not a key.
 */
package org.govpaas.apps.hotline.ticket;
