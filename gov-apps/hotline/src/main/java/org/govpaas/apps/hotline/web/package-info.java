/**
 * What every page of the hotline shares: how refused actions and unknown tickets are answered,
 * how times are shown, and how a signed-in person becomes an {@link org.govpaas.apps.hotline.ticket.Actor}.
 */
package org.govpaas.apps.hotline.web;
