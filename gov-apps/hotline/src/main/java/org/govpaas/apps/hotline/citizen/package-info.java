/**
 * The citizen's own area under {@code /my/**}: report an issue, follow one's tickets, confirm a
 * resolution or reopen. Every lookup is by the signed-in citizen's subject, so another citizen's
 * ticket number leads to the 404 page.
 */
package org.govpaas.apps.hotline.citizen;
