/**
 * The citizen's pages under {@code /my/**} (the app kit signs them in through the citizens realm):
 * apply, follow, answer a request for information, download their own documents. Everything is
 * looked up by the signed-in citizen's subject, so another citizen's reference answers 404.
 */
package org.govpaas.apps.permits.citizen;
